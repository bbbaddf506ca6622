package audit

import "github.com/selaras/selaras/lint"

// Rules documents the audit's own findings for `selaras rules` and
// `selaras explain`. They compare posts with each other, so they have no
// check of one draft and no one-draft example; Finalize reports them, at
// info level, over all the posts of a report (merged shards included).
var Rules = []*lint.Rule{
	{
		Name: RuleDupImage,
		Doc: lint.Doc{
			Title: lint.Text{ID: "Gambar sebaiknya tidak dipakai ulang di unggahan lain", EN: "Images should not be reused by another post"},
			Why: lint.Text{
				ID: "Poster yang sama di beberapa unggahan atau akun membuat linimasa terasa berulang dan menurunkan jangkauan; warga mengira unggahan itu sudah pernah dilihat. Gambar dibandingkan dengan sidik persepsi (dHash 64 bit dan kecerahan rata-rata), jadi salinan yang diperkecil, dikompres ulang atau disimpan dalam format lain tetap dikenali. Unggahan paling awal (lalu menurut jalur) dianggap asli; setiap unggahan lain dalam kelompoknya mendapat temuan yang menyebut aslinya.",
				EN: "The same poster in several posts or accounts makes timelines feel repetitive and lowers reach; citizens take the post for one they have already seen. Images are compared by a perceptual fingerprint (a 64-bit dHash and the mean brightness), so a resized, recompressed or converted copy is still recognised. The earliest post (then by path) counts as the original; every other post of its group gets a finding naming it."},
			Fix:      lint.Text{ID: "Buat gambar baru untuk unggahan ini, atau katakan dengan jelas bahwa ini unggahan ulang.", EN: "Make a new picture for this post, or say plainly that it is a repost."},
			Severity: lint.Info,
		},
	},
	{
		Name: RuleDupCaption,
		Doc: lint.Doc{
			Title: lint.Text{ID: "Keterangan sebaiknya tidak disalin dari unggahan lain", EN: "Captions should not be copied from another post"},
			Why: lint.Text{
				ID: "Satu narasi tidak berarti satu teks: keterangan yang disalin utuh ke banyak akun terbaca sebagai pesan pabrikan dan tidak berbicara kepada pembaca tiap akun. Keterangan dibandingkan dengan MinHash atas potongan tiga kata; yang kemiripannya 80 % atau lebih dikelompokkan. Keterangan di bawah delapan kata tidak dibandingkan.",
				EN: "One narrative does not mean one text: a caption copied whole to many accounts reads as a manufactured message and does not speak to each account's readers. Captions are compared by MinHash over three-word shingles; those 80 % or more alike are grouped. Captions under eight words are not compared."},
			Fix:      lint.Text{ID: "Tulis ulang keterangan untuk akun dan pembacanya; pesan kampanye boleh sama, kalimatnya jangan.", EN: "Write the caption again for this account and its readers; the campaign message may be the same, the sentences should not."},
			Severity: lint.Info,
		},
	},
}
