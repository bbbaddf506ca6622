package spelling

// Distance is a weighted Damerau-Levenshtein distance (optimal string
// alignment) between two lower-case words, in the errors people make when
// typing on a phone or a keyboard:
//
//   - inserting or deleting a letter costs 1, but doubling or undoubling a
//     letter (pelaksanaaan, tidakk, mengunakan) costs 0.4, the commonest
//     slip of all;
//   - swapping two neighbouring letters costs 0.5 (pemerintha);
//   - replacing a letter costs 1, or 0.6 when the two keys are neighbours
//     on a QWERTY keyboard (pemerintqh).
//
// The costs rank the candidates of one word: a doubled letter beats a
// neighbouring key, which beats any other letter.
func Distance(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	n, m := len(ra), len(rb)
	// three rows: i-2, i-1, i
	prev2 := make([]float64, m+1)
	prev := make([]float64, m+1)
	cur := make([]float64, m+1)
	for j := 0; j <= m; j++ {
		prev[j] = float64(j)
	}
	for i := 1; i <= n; i++ {
		cur[0] = float64(i)
		for j := 1; j <= m; j++ {
			sub := 0.0
			if ra[i-1] != rb[j-1] {
				sub = 1
				if neighbours(ra[i-1], rb[j-1]) {
					sub = costNeighbour
				}
			}
			best := prev[j-1] + sub
			// delete ra[i-1]
			del := 1.0
			if i >= 2 && ra[i-1] == ra[i-2] {
				del = costDouble
			}
			if v := prev[j] + del; v < best {
				best = v
			}
			// insert rb[j-1]
			ins := 1.0
			if j >= 2 && rb[j-1] == rb[j-2] {
				ins = costDouble
			}
			if v := cur[j-1] + ins; v < best {
				best = v
			}
			if i >= 2 && j >= 2 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] && ra[i-1] != ra[i-2] {
				if v := prev2[j-2] + costSwap; v < best {
					best = v
				}
			}
			cur[j] = best
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[m]
}

const (
	costDouble    = 0.4
	costSwap      = 0.5
	costNeighbour = 0.6
)

// keyboard rows of a QWERTY keyboard, for neighbouring keys.
var rows = [3]string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}

// neighbours reports whether two letters sit next to each other on a
// QWERTY keyboard: on the same row, or diagonally on the row above or below.
func neighbours(a, b rune) bool {
	ra, ca := keyPos(a)
	rb, cb := keyPos(b)
	if ra < 0 || rb < 0 {
		return false
	}
	switch ra - rb {
	case 0:
		return ca-cb == 1 || cb-ca == 1
	case 1: // a on the row below b: below-left and below-right neighbours
		return cb == ca || cb == ca+1
	case -1:
		return ca == cb || ca == cb+1
	}
	return false
}

func keyPos(r rune) (row, col int) {
	for i, s := range rows {
		for j, c := range s {
			if c == r {
				return i, j
			}
		}
	}
	return -1, -1
}
