package acl

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"gopkg.in/yaml.v3"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const pin = "sha256-raw:" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

func full() Placement {
	return Placement{OmitDefaultRegions: true, Nodes: []Node{
		{HAIndex: 1, Region: "sha", RegionName: "Shanghai", IPv4: "203.0.113.11", CertPin: pin, Port: 20007},
		{HAIndex: 2, Region: "can", RegionName: "Guangzhou", IPv4: "203.0.113.12", IPv6: "2001:db8::12", CertPin: pin, Port: 20000},
		{HAIndex: 3, Region: "hkg", RegionName: "Hong Kong", IPv4: "203.0.113.13", CertPin: pin, Port: 20999},
	}}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s drifted:\n%s\nwant:\n%s", name, got, want)
	}
}

func TestGoldenJSONAndYAML(t *testing.T) {
	j, err := JSON(full())
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "derpmap.json", j)
	y, err := Headscale(full())
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "derpmap.headscale.yaml", y)
	deg := Placement{OmitDefaultRegions: false, Nodes: full().Nodes[1:2]}
	dj, err := JSON(deg)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "derpmap_degraded.json", dj)
	for _, b := range [][]byte{j, y, dj} {
		if !bytes.HasSuffix(b, []byte("\n")) || bytes.Contains(b, []byte("\r")) || bytes.HasSuffix(b, []byte("\n\n")) {
			t.Fatal("canonical bodies end in exactly one LF and have no CR")
		}
	}
	for _, banned := range []string{"InsecureForTests", "STUNTestIP", "CanPort80", "STUNOnly", "//"} {
		if bytes.Contains(j, []byte(banned)) {
			t.Fatalf("%s must never be emitted", banned)
		}
	}
	if !bytes.Contains(j, []byte("\n  \"derpMap\": {\n    \"Regions\": {\n")) {
		t.Fatalf("2-space indent expected:\n%s", j)
	}
}

// The golden JSON decodes into the mirror structs with unknown fields refused, and the rules of
// §6 hold on the decoded value.
func TestDecodeStrict(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "derpmap.json"))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var p Policy
	if err := dec.Decode(&p); err != nil {
		t.Fatal(err)
	}
	m := p.DERPMap
	if !m.OmitDefaultRegions || len(m.Regions) != 3 {
		t.Fatalf("%+v", m)
	}
	for i, n := range full().Nodes {
		id := 901 + i
		r := m.Regions[id]
		if r == nil || r.RegionID != id || len(r.Nodes) != 1 {
			t.Fatalf("region %d: %+v", id, r)
		}
		nd := r.Nodes[0]
		wantV6 := n.IPv6
		if wantV6 == "" {
			wantV6 = "none"
		}
		if nd.Name != itoa(id)+"a" || nd.RegionID != id || nd.HostName != n.IPv4 ||
			nd.IPv4 != n.IPv4 || nd.IPv6 != wantV6 || nd.CertName != pin || nd.DERPPort != n.Port || nd.STUNPort != n.Port {
			t.Fatalf("node %+v for %+v", nd, n)
		}
		if r.RegionCode != n.Region+"-"+itoa(i+1) || r.RegionName != n.RegionName+" "+itoa(i+1) {
			t.Fatalf("region names %+v", r)
		}
	}
	bad := bytes.Replace(b, []byte(`"HostName"`), []byte(`"Bogus": 1, "HostName"`), 1)
	dec = json.NewDecoder(bytes.NewReader(bad))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err == nil {
		t.Fatal("an unknown field must be refused (the test can fail)")
	}
	y, _ := os.ReadFile(filepath.Join("testdata", "derpmap.headscale.yaml"))
	ydec := yaml.NewDecoder(bytes.NewReader(y))
	ydec.KnownFields(true)
	var ym DERPMap
	if err := ydec.Decode(&ym); err != nil || len(ym.Regions) != 3 || ym.Regions[902].Nodes[0].IPv6 != "2001:db8::12" {
		t.Fatalf("yaml %+v %v", ym, err)
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// The same placement gives the same bytes and sha whatever the order of its nodes; any change of
// port, pin or option changes the sha.
func TestShaStable(t *testing.T) {
	a, _ := JSON(full())
	p := full()
	p.Nodes[0], p.Nodes[2] = p.Nodes[2], p.Nodes[0]
	b, _ := JSON(p)
	if Sha256(a) != Sha256(b) || len(Sha256(a)) != 64 {
		t.Fatal("node order changed the body")
	}
	p.Nodes[1].Port++
	c, _ := JSON(p)
	q := full()
	q.OmitDefaultRegions = false
	d, _ := JSON(q)
	if Sha256(c) == Sha256(a) || Sha256(d) == Sha256(a) {
		t.Fatal("a different placement must change the sha")
	}
	if _, err := JSON(Placement{Nodes: []Node{{HAIndex: 1}, {HAIndex: 1}}}); err == nil {
		t.Fatal("a duplicate haIndex is refused")
	}
}

// The admission hook's request and answer decode into the mirrors strictly (and, in
// hack/derpcheck, into the real tailcfg types).
func TestAdmitGolden(t *testing.T) {
	for name, v := range map[string]any{"admit_request.json": &DERPAdmitClientRequest{}, "admit_response.json": &DERPAdmitClientResponse{}} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	out, _ := json.Marshal(DERPAdmitClientResponse{Allow: true})
	if string(out) != `{"Allow":true}` {
		t.Fatalf("answer %s", out)
	}
}
