package relay

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/pkoukk/tiktoken-go"
)

// The chat format's framing (relay.md §3), as OpenAI's own counting recipe has it: each
// message costs 3 around its role and text, a name 1 more, and the reply is primed with 3. An
// image costs a flat 85 (low detail): the relay never fetches it to measure it.
const (
	tokensPerMessage = 3
	tokensPerName    = 1
	tokensReplyPrime = 3
	tokensPerImage   = 85
)

type promptMessage struct {
	Role    string          `json:"role"`
	Name    string          `json:"name"`
	Content json.RawMessage `json:"content"`
}

type contentPart struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

// chatPromptTokens is the local prompt of a chat request: per message 3 + role + text parts
// (+ 1 + name), + 3 for the request, + the tools' raw JSON as the client sent it.
func chatPromptTokens(enc *tiktoken.Tiktoken, messages, tools json.RawMessage) (int64, error) {
	var msgs []promptMessage
	if err := json.Unmarshal(messages, &msgs); err != nil {
		return 0, err
	}
	n := int64(tokensReplyPrime)
	add := func(text string) error {
		k, err := countTokens(enc, text)
		n += k
		return err
	}
	for _, m := range msgs {
		n += tokensPerMessage
		if err := add(m.Role); err != nil {
			return 0, err
		}
		if m.Name != "" {
			n += tokensPerName
			if err := add(m.Name); err != nil {
				return 0, err
			}
		}
		text, images, err := contentText(m.Content)
		if err != nil {
			return 0, err
		}
		n += images * tokensPerImage
		for _, t := range text {
			if err := add(t); err != nil {
				return 0, err
			}
		}
	}
	if t := bytes.TrimSpace(tools); len(t) > 0 && !bytes.Equal(t, []byte("null")) {
		if err := add(string(tools)); err != nil {
			return 0, err
		}
	}
	return n, nil
}

// contentText splits a message's content into its text parts and its number of images; other
// parts (audio, files) are not counted: the contract prices only these two.
func contentText(raw json.RawMessage) (text []string, images int64, err error) {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) == 0 || bytes.Equal(raw, []byte("null")):
		return nil, 0, nil
	case raw[0] == '"':
		var s string
		err = json.Unmarshal(raw, &s)
		return []string{s}, 0, err
	}
	var parts []contentPart
	if err = json.Unmarshal(raw, &parts); err != nil {
		return nil, 0, err
	}
	for _, p := range parts {
		switch p.Type {
		case "text":
			text = append(text, p.Text)
		case "image_url":
			images++
		}
	}
	return text, images, nil
}

// inputTokens is the local prompt of an embeddings request: the tokens of its input, a string,
// strings, or token ids already (counted as they are).
func inputTokens(enc *tiktoken.Tiktoken, raw json.RawMessage) (int64, error) {
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return countTokens(enc, one)
	}
	var many []string
	if json.Unmarshal(raw, &many) == nil {
		var n int64
		for _, s := range many {
			k, err := countTokens(enc, s)
			if err != nil {
				return 0, err
			}
			n += k
		}
		return n, nil
	}
	var ids []int64
	if json.Unmarshal(raw, &ids) == nil {
		return int64(len(ids)), nil
	}
	var idLists [][]int64
	if json.Unmarshal(raw, &idLists) == nil {
		var n int64
		for _, l := range idLists {
			n += int64(len(l))
		}
		return n, nil
	}
	return 0, errors.New("the input is neither text nor token ids")
}
