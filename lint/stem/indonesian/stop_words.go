package indonesian

// IsStopWord reports whether word is in the Snowball Indonesian stop
// word list. The word must already be lower case; Stem lower-cases its
// input before consulting the list.
//
// The list (93 words) is the one published on the Snowball website as
// algorithms/indonesian/stop.txt, distributed under the 3-clause BSD
// licence of the Snowball project.
func IsStopWord(word string) bool {
	switch word {
	case "yang", "dan", "di", "dari", "ini", "pada", "kepada", "ada", "adalah", "dengan",
		"untuk", "dalam", "oleh", "sebagai", "juga", "ke", "atau", "tidak", "itu", "sebuah",
		"tersebut", "dapat", "ia", "telah", "satu", "memiliki", "mereka", "bahwa", "lebih", "karena",
		"seorang", "akan", "seperti", "secara", "kemudian", "beberapa", "banyak", "antara", "setelah", "yaitu",
		"hanya", "hingga", "serta", "sama", "dia", "tetapi", "namun", "melalui", "bisa", "sehingga",
		"ketika", "suatu", "sendiri", "bagi", "semua", "harus", "setiap", "maka", "maupun", "tanpa",
		"saja", "jika", "bukan", "belum", "sedangkan", "yakni", "meskipun", "hampir", "kita", "demikian",
		"daripada", "apa", "ialah", "sana", "begitu", "seseorang", "selain", "terlalu", "ataupun", "saya",
		"bila", "bagaimana", "tapi", "apabila", "kalau", "kami", "melainkan", "boleh", "aku", "anda",
		"kamu", "beliau", "kalian":
		return true
	}
	return false
}
