package relay

import (
	"fmt"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pkoukk/tiktoken-go"
	tiktoken_loader "github.com/pkoukk/tiktoken-go-loader"
)

// The default loader downloads the BPE files on first use; the offline one reads the copies
// embedded in tiktoken-go-loader, so counting never leaves the process (relay.md §3, §8).
func init() { tiktoken.SetBpeLoader(tiktoken_loader.NewOfflineLoader()) }

// defaultTokenizer is the price's tokenizer when the row names none.
const defaultTokenizer = "o200k_base"

// encoding is one tokenizer, built on its first use: building one parses ~200k ranks and takes
// a few hundred milliseconds, and the result is safe for concurrent Encode calls.
type encoding struct {
	once sync.Once
	enc  *tiktoken.Tiktoken
	err  error
}

// encodings is the fixed set a price may name (relay.md §3), so the cache cannot grow with
// whatever a row holds.
var encodings = map[string]*encoding{"o200k_base": {}, "cl100k_base": {}}

// encodingOf returns the named tokenizer, built once per process.
func encodingOf(name string) (*tiktoken.Tiktoken, error) {
	if name == "" {
		name = defaultTokenizer
	}
	e, ok := encodings[name]
	if !ok {
		return nil, fmt.Errorf("unknown tokenizer %q", name)
	}
	e.once.Do(func() { e.enc, e.err = tiktoken.GetEncoding(name) })
	return e.enc, e.err
}

// maxSegmentBytes bounds one call into the encoder: tiktoken-go merges the bytes of one
// pre-token in quadratic time (a 100 KB run without spaces takes ~10 s), and a client chooses
// the text.
const maxSegmentBytes = 512

// countTokens is the number of tokens of text. Special-token strings count as plain text (a
// user may write "<|endoftext|>"; Encode would panic on it). A panic inside the library is
// turned into an error: the caller falls back to the bytes÷3 estimate instead of leaving the
// request unsettled.
func countTokens(enc *tiktoken.Tiktoken, text string) (n int64, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("tokenizer: %v", r)
		}
	}()
	for text != "" {
		cut := segmentEnd(text, maxSegmentBytes)
		n += int64(len(enc.EncodeOrdinary(text[:cut])))
		text = text[cut:]
	}
	return n, nil
}

// segmentEnd is where the first segment of text ends, at most limit bytes in. It prefers a
// space that follows a non-space: both encodings' pre-tokenizers start a new piece there
// anyway, so the segments' counts add up to the whole text's. A run without such a space is
// cut at a rune boundary, which may shift a token at the cut.
func segmentEnd(text string, limit int) int {
	if len(text) <= limit {
		return len(text)
	}
	for i := limit; i > 0; i-- {
		if text[i] != ' ' {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(text[:i]); !unicode.IsSpace(r) {
			return i
		}
	}
	for i := limit; i > 0; i-- {
		if utf8.RuneStart(text[i]) {
			return i
		}
	}
	return limit
}
