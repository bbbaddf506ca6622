package fix

import (
	"fmt"
	"strconv"
	"strings"
)

func fmtSscanf(s, format string, args ...any) (int, error) { return fmt.Sscanf(s, format, args...) }

func parseRange(s string, start, n *int) bool {
	a, b, ok := strings.Cut(s, ",")
	var err error
	if *start, err = strconv.Atoi(a); err != nil {
		return false
	}
	*n = 1
	if ok {
		if *n, err = strconv.Atoi(b); err != nil {
			return false
		}
	}
	return true
}
