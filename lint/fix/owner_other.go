//go:build !unix

package fix

import "io/fs"

// ownerOf knows nothing of owners where files have none in the unix sense.
func ownerOf(fs.FileInfo) owner { return owner{} }
