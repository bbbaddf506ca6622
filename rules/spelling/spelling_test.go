package spelling_test

import (
	"testing"

	"github.com/selaras/selaras/lint/linttest"
	"github.com/selaras/selaras/rules/spelling"
)

func TestSpelling(t *testing.T) {
	linttest.Run(t, "testdata", spelling.Rule)
}
