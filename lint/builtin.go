package lint

// BuiltinRules are reported by the engine itself, about the file rather
// than its content: a draft that cannot be read is a finding, not a crash.
var BuiltinRules = []*Rule{
	{
		Name: "draft-encoding",
		Doc: Doc{
			Title: Text{ID: "Draf harus teks UTF-8", EN: "Drafts must be UTF-8 text"},
			Why: Text{
				ID: "Teks yang bukan UTF-8 (atau berkas biner) tampil rusak di media sosial dan tidak bisa diperiksa. selaras berhenti pada byte pertama yang rusak, alih-alih memeriksa teks yang tak bermakna.",
				EN: "Text that is not UTF-8 (or a binary file) shows up garbled on social media and cannot be checked. selaras stops at the first bad byte instead of checking meaningless text."},
			Bad:      "Selamat pagi, warga\xff Banten",
			Good:     "Selamat pagi, warga Banten",
			Fix:      Text{ID: "Simpan ulang berkas sebagai UTF-8 di penyunting teks.", EN: "Save the file again as UTF-8 in your editor."},
			Severity: Error,
		},
	},
	{
		Name: "draft-front-matter",
		Doc: Doc{
			Title: Text{ID: "Front matter harus TOML yang sah", EN: "Front matter must be valid TOML"},
			Why: Text{
				ID: "Platform, akun, tanggal dan gambar dibaca dari front matter; bila rusak, aturan lain tidak tahu konteks unggahan.",
				EN: "Platform, account, date and images come from the front matter; when it is broken, the other rules lose the post's context."},
			Bad:  "+++\nplatform = instagram\n+++\nSelamat pagi, warga Banten.",
			Good: "+++\nplatform = \"instagram\"\n+++\nSelamat pagi, warga Banten.",
			Fix: Text{
				ID: "Perbaiki TOML di antara kedua baris +++ seperti yang dikatakan temuannya (teks dalam tanda kutip, tanggal tanpa tanda kutip). Front matter YAML di antara --- diubah menjadi TOML: --fix --unsafe-fixes menuliskannya bila isinya sederhana.",
				EN: "Fix the TOML between the two +++ lines as the finding says (text in quotes, dates without). YAML front matter between --- is converted to TOML: --fix --unsafe-fixes writes it when its content is simple."},
			FixSafety: "unsafe",
			Severity:  Error,
		},
	},
	{
		Name: "draft-unreadable",
		Doc: Doc{
			Title: Text{ID: "Draf harus bisa dibaca", EN: "Drafts must be readable"},
			Why: Text{
				ID: "Berkas yang tidak bisa dibuka (izin, terlalu besar, bukan berkas biasa) tidak ikut diperiksa; selaras melaporkannya agar tidak lolos diam-diam.",
				EN: "A file that cannot be opened (permissions, too large, not a regular file) is not checked; selaras reports it so that nothing slips through silently."},
			Severity: Error,
		},
	},
	{
		Name: "draft-empty",
		Doc: Doc{
			Title:    Text{ID: "Draf tidak boleh kosong", EN: "Drafts must not be empty"},
			Why:      Text{ID: "Draf kosong biasanya tertinggal tanpa sengaja di folder bersama.", EN: "An empty draft is usually left behind by accident in a shared folder."},
			Bad:      "   \n",
			Good:     "Selamat pagi, warga Banten.",
			Severity: Warning,
		},
	},
	{
		Name: "ignore-reason",
		Doc: Doc{
			Title: Text{ID: "Pengabaian temuan harus beralasan", EN: "Ignoring a finding needs a reason"},
			Why: Text{
				ID: "Front matter boleh membungkam temuan (ignore = [{ rule = \"jargon\", match = \"dalam rangka\", reason = \"kutipan langsung\" }]). Alasannya memberi tahu rekan dan pemeriksa berikutnya mengapa aturan kampanye tidak berlaku di sini; tanpa alasan, pengabaian menjadi jalan pintas yang tak bisa diperiksa. Pengabaiannya tetap berlaku.",
				EN: "Front matter may silence findings (ignore = [{ rule = \"jargon\", match = \"dalam rangka\", reason = \"direct quote\" }]). The reason tells colleagues and later reviewers why the campaign's rule does not apply here; without one, an ignore is a shortcut nobody can review. The ignore still applies."},
			Bad:      "+++\nignore = [{ rule = \"jargon\", match = \"dalam rangka\" }]\n+++\n\"Dalam rangka HUT ini kita bersatu,\" kata Gubernur.\n",
			Good:     "+++\nignore = [{ rule = \"jargon\", match = \"dalam rangka\", reason = \"kutipan langsung Gubernur\" }]\n+++\n\"Dalam rangka HUT ini kita bersatu,\" kata Gubernur.\n",
			Fix:      Text{ID: "Tambahkan reason = \"...\" pada pengabaian itu.", EN: "Add reason = \"...\" to that ignore."},
			Severity: Warning,
			KitKeys:  []string{"front matter: ignore"},
		},
	},
	{
		Name: "ignore-unused",
		Doc: Doc{
			Title: Text{ID: "Pengabaian harus membungkam sesuatu", EN: "Ignores must silence something"},
			Why: Text{
				ID: "Pengabaian yang tidak mengenai temuan apa pun (teksnya sudah diperbaiki, atau nama aturannya salah ketik) hanya menyesatkan pembaca draf, dan bisa membungkam temuan baru kelak tanpa sengaja. Nama aturan yang tidak ada selalu dilaporkan; pengabaian yang tak terpakai dilaporkan dengan --report-unused-ignores.",
				EN: "An ignore that matches no finding (the text was fixed, or the rule name is misspelled) only misleads readers of the draft, and may one day silence a new finding by accident. A rule name that does not exist is always reported; unused ignores are reported with --report-unused-ignores."},
			Fix:      Text{ID: "Hapus pengabaian itu dari front matter, atau betulkan nama aturannya.", EN: "Remove the ignore from the front matter, or correct the rule name."},
			Severity: Warning,
			KitKeys:  []string{"front matter: ignore"},
		},
	},
}
