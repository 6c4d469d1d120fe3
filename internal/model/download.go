package model

import "io"

// Download is a file a logic function prepared for a client: the controller sends it (see
// internal/httpx), so logic never writes an HTTP response and can serve a job as well.
type Download struct {
	Name        string // file name offered to the client
	ContentType string
	// Header holds extra response headers (a DERP map's version and digest), set before the body.
	Header map[string]string
	// WriteTo writes the file once; Close frees what it holds (temporary files), written or not.
	WriteTo func(w io.Writer) error
	Close   func() error
}
