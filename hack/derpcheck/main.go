// Command derpcheck decodes Kami's golden derpMap and admission files into tailscale.com's real
// tailcfg types with unknown fields refused (derp.md §1, §14.4). It lives in its own module so the
// large, fast-moving tailscale.com stays out of Kami's module graph; bumping its pin here is how
// upstream drift is caught. Run: make check-derpmap.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
	"tailscale.com/tailcfg"
)

func main() {
	dir := flag.String("dir", "../../internal/logic/derp/acl/testdata", "the acl package's golden files")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "derpcheck:", err)
		os.Exit(1)
	}
}

func strictJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func run(dir string) error {
	maps, err := filepath.Glob(filepath.Join(dir, "derpmap*.json"))
	if err != nil || len(maps) == 0 {
		return fmt.Errorf("no derpmap*.json in %s", dir)
	}
	n := 0
	for _, p := range maps {
		var doc struct {
			DERPMap *tailcfg.DERPMap `json:"derpMap"`
		}
		if err := strictJSON(p, &doc); err != nil {
			return err
		}
		if err := checkMap(p, doc.DERPMap); err != nil {
			return err
		}
		n++
	}
	ymls, _ := filepath.Glob(filepath.Join(dir, "derpmap*.yaml"))
	for _, p := range ymls {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		var m tailcfg.DERPMap
		if err := dec.Decode(&m); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		if err := checkMap(p, &m); err != nil {
			return err
		}
		n++
	}
	var req tailcfg.DERPAdmitClientRequest
	if err := strictJSON(filepath.Join(dir, "admit_request.json"), &req); err != nil {
		return err
	}
	if req.NodePublic.IsZero() || !req.Source.IsValid() {
		return fmt.Errorf("admit_request.json: empty NodePublic or Source")
	}
	var res tailcfg.DERPAdmitClientResponse
	if err := strictJSON(filepath.Join(dir, "admit_response.json"), &res); err != nil {
		return err
	}
	fmt.Printf("derpcheck: %d derpMap files and the admission pair decode into tailcfg\n", n)
	return nil
}

// checkMap asserts the §6 rules that matter to a client on the decoded upstream value.
func checkMap(path string, m *tailcfg.DERPMap) error {
	if m == nil || len(m.Regions) == 0 {
		return fmt.Errorf("%s: no regions", path)
	}
	for id, r := range m.Regions {
		if r == nil || r.RegionID != id || id < 901 || id > 999 || len(r.Nodes) != 1 {
			return fmt.Errorf("%s: region %d malformed", path, id)
		}
		nd := r.Nodes[0]
		if nd.RegionID != id || nd.DERPPort <= 0 || nd.STUNPort != nd.DERPPort || nd.InsecureForTests ||
			!strings.HasPrefix(nd.CertName, "sha256-raw:") || nd.HostName == "" || nd.IPv4 != nd.HostName {
			return fmt.Errorf("%s: node %+v breaks §6", path, *nd)
		}
	}
	return nil
}
