package ipipv

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// benchPayload is a business object of about size bytes once marshalled.
type benchPayload struct {
	List []Product `json:"list"`
}

func payloadOf(size int) benchPayload {
	var p benchPayload
	for n := 0; n < size; {
		pr := Product{ProductNo: "DYN104", ProductName: strings.Repeat("p", 40), ProxyType: 104, CostPrice: "3.00", Enable: 1}
		b, _ := json.Marshal(pr)
		n += len(b) + 1
		p.List = append(p.List, pr)
	}
	return p
}

// envelopeRoundTrip is what one call costs the two sides in CPU: the request envelope built
// (json, AES-CBC, base64, json) and the answer decoded (json, base64, AES-CBC, json) by the
// same rules the client and the fake apply.
func envelopeRoundTrip(key []byte, in benchPayload, out *benchPayload) error {
	plain, _ := json.Marshal(in)
	p, err := Encrypt(key, plain)
	if err != nil {
		return err
	}
	body, _ := json.Marshal(envelope{Version: "v2", Encrypt: "AES", AppKey: "k", ReqID: "r", Params: p})
	var env envelope
	if err := json.Unmarshal(body, &env); err != nil {
		return err
	}
	data, _ := json.Marshal(env.Params)
	return decodeAnswer(key, answer{Code: 200, Data: data}, out)
}

// jsonRoundTrip is the baseline: the same object marshalled and unmarshalled, nothing else.
func jsonRoundTrip(in benchPayload, out *benchPayload) error {
	b, _ := json.Marshal(in)
	return json.Unmarshal(b, out)
}

// BenchmarkProxyEnvelope: encode + decode of a 1 KB and a 64 KB payload (ns/op, allocs/op),
// and x-json, its cost against the plain JSON round trip of the same object measured in the
// same run.
func BenchmarkProxyEnvelope(b *testing.B) {
	key := []byte("qwertyuiop123456")
	for _, sz := range []struct {
		name string
		n    int
	}{{"1KB", 1 << 10}, {"64KB", 64 << 10}} {
		in := payloadOf(sz.n)
		b.Run(sz.name, func(b *testing.B) {
			var out benchPayload
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				if err := envelopeRoundTrip(key, in, &out); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			if len(out.List) != len(in.List) {
				b.Fatalf("decoded %d of %d", len(out.List), len(in.List))
			}
			per := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			// The baseline, the same number of times (outside the timer and the alloc count).
			t0 := time.Now()
			for range b.N {
				if err := jsonRoundTrip(in, &out); err != nil {
					b.Fatal(err)
				}
			}
			base := float64(time.Since(t0).Nanoseconds()) / float64(b.N)
			b.ReportMetric(base, "json-ns/op")
			b.ReportMetric(per/max(base, 1), "x-json")
		})
	}
}
