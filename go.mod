module github.com/selaras/selaras

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/fatih/color v1.19.0
	github.com/kljensen/snowball v0.10.0
	github.com/mattn/go-isatty v0.0.20
)

require go.yaml.in/yaml/v3 v3.0.6

require (
	github.com/disintegration/imaging v1.6.2
	github.com/mattn/go-colorable v0.1.14 // indirect
	golang.org/x/image v0.48.0
	golang.org/x/sys v0.50.0 // indirect
)
