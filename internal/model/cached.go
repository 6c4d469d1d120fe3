package model

// CachedFile is a small public file a client may cache and revalidate by its ETag (a banner
// image): the controller sends it with internal/httpx SendCached.
type CachedFile struct {
	ContentType string
	ETag        string // quoted, as the header carries it
	Data        []byte
}
