//go:build unix

package fix

import (
	"io/fs"
	"syscall"
)

// ownerOf is the owner, group and number of hard links of a file.
func ownerOf(info fs.FileInfo) owner {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return owner{}
	}
	return owner{uid: int(st.Uid), gid: int(st.Gid), links: uint64(st.Nlink), known: true}
}
