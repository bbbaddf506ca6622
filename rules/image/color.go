package image

import (
	"math"

	"github.com/selaras/selaras/brandkit"
)

// lab is a CIELAB colour (D65 white).
type lab struct{ L, A, B float64 }

// srgbLinear maps an sRGB byte to linear light: the lookup table that makes
// every conversion to Lab cheap.
var srgbLinear = func() (t [256]float64) {
	for i := range t {
		c := float64(i) / 255
		if c <= 0.04045 {
			t[i] = c / 12.92
		} else {
			t[i] = math.Pow((c+0.055)/1.055, 2.4)
		}
	}
	return
}()

// toLab converts an sRGB colour to CIELAB (D65).
func toLab(r, g, b uint8) lab {
	R, G, B := srgbLinear[r], srgbLinear[g], srgbLinear[b]
	x := (0.4124564*R + 0.3575761*G + 0.1804375*B) / 0.95047
	y := 0.2126729*R + 0.7151522*G + 0.0721750*B
	z := (0.0193339*R + 0.1191920*G + 0.9503041*B) / 1.08883
	fx, fy, fz := labF(x), labF(y), labF(z)
	return lab{L: 116*fy - 16, A: 500 * (fx - fy), B: 200 * (fy - fz)}
}

func labF(t float64) float64 {
	const e = 216.0 / 24389
	if t > e {
		return math.Cbrt(t)
	}
	return (24389.0/27*t + 16) / 116
}

// deltaE00 is the CIEDE2000 colour difference (Sharma, Wu and Dalal 2005),
// with kL = kC = kH = 1.
func deltaE00(p, q lab) float64 {
	const deg = math.Pi / 180
	c1 := math.Hypot(p.A, p.B)
	c2 := math.Hypot(q.A, q.B)
	cm := (c1 + c2) / 2
	cm7 := math.Pow(cm, 7)
	g := 0.5 * (1 - math.Sqrt(cm7/(cm7+6103515625))) // 25^7
	a1, a2 := (1+g)*p.A, (1+g)*q.A
	c1p, c2p := math.Hypot(a1, p.B), math.Hypot(a2, q.B)
	h1p, h2p := hueAngle(p.B, a1), hueAngle(q.B, a2)
	dL := q.L - p.L
	dC := c2p - c1p
	var dh float64
	if c1p*c2p != 0 {
		dh = h2p - h1p
		if dh > 180 {
			dh -= 360
		} else if dh < -180 {
			dh += 360
		}
	}
	dH := 2 * math.Sqrt(c1p*c2p) * math.Sin(dh/2*deg)
	Lm := (p.L + q.L) / 2
	Cm := (c1p + c2p) / 2
	hm := h1p + h2p
	if c1p*c2p != 0 {
		if math.Abs(h1p-h2p) > 180 {
			if hm < 360 {
				hm += 360
			} else {
				hm -= 360
			}
		}
		hm /= 2
	}
	t := 1 - 0.17*math.Cos((hm-30)*deg) + 0.24*math.Cos(2*hm*deg) + 0.32*math.Cos((3*hm+6)*deg) - 0.20*math.Cos((4*hm-63)*deg)
	dTheta := 30 * math.Exp(-((hm-275)/25)*((hm-275)/25))
	cm7p := math.Pow(Cm, 7)
	rc := 2 * math.Sqrt(cm7p/(cm7p+6103515625))
	l50 := (Lm - 50) * (Lm - 50)
	sl := 1 + 0.015*l50/math.Sqrt(20+l50)
	sc := 1 + 0.045*Cm
	sh := 1 + 0.015*Cm*t
	rt := -math.Sin(2*dTheta*deg) * rc
	x, y, z := dL/sl, dC/sc, dH/sh
	return math.Sqrt(x*x + y*y + z*z + rt*y*z)
}

func hueAngle(b, a float64) float64 {
	if a == 0 && b == 0 {
		return 0
	}
	h := math.Atan2(b, a) * 180 / math.Pi
	if h < 0 {
		h += 360
	}
	return h
}

// nearestBrand returns the palette colour closest to c and its distance.
func nearestBrand(c lab, palette []brandkit.HexColor, labs []lab) (brandkit.HexColor, float64) {
	best, bestD := brandkit.HexColor{}, math.Inf(1)
	for i, p := range labs {
		if d := deltaE00(c, p); d < bestD {
			best, bestD = palette[i], d
		}
	}
	return best, bestD
}
