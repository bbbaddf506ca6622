//go:build !exhaustive

package main

// shardPostsPerAccount sizes the shard archive of the default test run
// (12 accounts: 720 drafts); `go test -tags exhaustive` audits 3,000.
const shardPostsPerAccount = 60
