package webhook

import (
	"context"
	"net/http"
	"slices"
	"sync"
)

// Fake records posts instead of sending them, with the same Post shape as *Client. Set its
// fields before first use; it is then safe for concurrent use.
type Fake struct {
	// Status answers every post; 0 means 200.
	Status int
	// Hold, when not nil, makes every post wait until it is closed (or ctx ends, which is an
	// error, as a timeout is for the real client).
	Hold chan struct{}

	mu    sync.Mutex
	posts []Posted
}

// Posted is one recorded post.
type Posted struct {
	URL    string
	Header http.Header
	Body   []byte
}

// Post records the request, waits for Hold if set, and answers Status.
func (f *Fake) Post(ctx context.Context, url string, header http.Header, body []byte) (int, []byte, error) {
	f.mu.Lock()
	f.posts = append(f.posts, Posted{URL: url, Header: header.Clone(), Body: slices.Clone(body)})
	f.mu.Unlock()
	if f.Hold != nil {
		select {
		case <-f.Hold:
		case <-ctx.Done():
			return 0, nil, ctx.Err()
		}
	}
	if f.Status == 0 {
		return http.StatusOK, nil, nil
	}
	return f.Status, nil, nil
}

// Posts returns a copy of the recorded posts, oldest first.
func (f *Fake) Posts() []Posted {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.posts)
}
