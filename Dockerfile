# selaras in a container, for batch engines (docs/scale.md). The image holds
# one static binary and nothing else: no shell, no git (dates then come
# from front matter, CSV exports or file times), run as a non-root user.
# The time-zone database is compiled in (-tags timetzdata) for --tz.
#
#   docker build -t selaras .
#   docker run --rm -v "$PWD:/data" selaras audit --month 2025-10 /data/arsip
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -tags timetzdata -ldflags="-s -w" -o /selaras ./cmd/selaras

FROM scratch
COPY --from=build /selaras /selaras
USER 65532:65532
ENV HOME=/tmp XDG_CACHE_HOME=/cache
ENTRYPOINT ["/selaras"]
