//go:build exhaustive

package main

// shardPostsPerAccount: the exhaustive run's archive of 3,000 drafts
// (see size_default_test.go).
const shardPostsPerAccount = 250
