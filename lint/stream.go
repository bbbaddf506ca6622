package lint

import "runtime"

// RunEach checks every input like Run, but hands each input's results to fn
// as soon as they are ready instead of keeping them all: long runs (an
// audit of a whole archive) stay small in memory. files[0] is the input's
// own result; further entries are the attached images that had findings.
// errs are kit or rule failures for this input.
//
// fn is called from the worker goroutines, possibly several at once, so it
// must synchronize what it shares; it may keep or drop files[i].Draft.
// Unlike Run, images named as inputs are always checked on their own (RunEach
// cannot know which later input attaches them), and an image attached to
// two drafts is reported with each.
func (e *Engine) RunEach(inputs []Input, fn func(in Input, files []*FileResult, errs []error)) {
	jobs := e.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	e.parallel(inputs, jobs, func(in Input) {
		frs, errs, _ := e.checkOne(in)
		for _, fr := range frs {
			sortFindings(fr.Findings)
		}
		fn(in, frs, errs)
		for _, fr := range frs {
			fr.forgetDerived()
		}
	})
}
