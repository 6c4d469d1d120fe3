package acl

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"

	"gopkg.in/yaml.v3"
)

// RegionIDBase + haIndex is a region's id and key (901..903), stable across versions and
// re-placements so clients keep their home region when a container moves.
const RegionIDBase = 900

// Node is one placed container as the render needs it.
type Node struct {
	HAIndex    int    // 1..3
	Region     string // the server's region code, "sha"
	RegionName string // "Shanghai"
	IPv4       string // the server's publicIpv4
	IPv6       string // "" → "none"
	CertPin    string // the server's certPin "sha256-raw:<64 hex>"
	Port       int    // the container's published port, DERP over TLS and STUN over UDP
}

// Placement is what a rental's map is made of; degraded rentals have 1-2 nodes.
type Placement struct {
	OmitDefaultRegions bool
	Nodes              []Node
}

// Map builds the mirror DERPMap: one region per container, one node per region.
func Map(p Placement) (DERPMap, error) {
	m := DERPMap{Regions: map[int]*DERPRegion{}, OmitDefaultRegions: p.OmitDefaultRegions}
	for _, n := range p.Nodes {
		if n.HAIndex < 1 || n.HAIndex > 99 {
			return DERPMap{}, fmt.Errorf("acl: haIndex %d out of range", n.HAIndex)
		}
		id := RegionIDBase + n.HAIndex
		if m.Regions[id] != nil {
			return DERPMap{}, fmt.Errorf("acl: haIndex %d placed twice", n.HAIndex)
		}
		v6 := n.IPv6
		if v6 == "" {
			v6 = "none"
		}
		ha := strconv.Itoa(n.HAIndex)
		m.Regions[id] = &DERPRegion{RegionID: id, RegionCode: n.Region + "-" + ha, RegionName: n.RegionName + " " + ha,
			Nodes: []*DERPNode{{Name: strconv.Itoa(id) + "a", RegionID: id, HostName: n.IPv4, CertName: n.CertPin,
				IPv4: n.IPv4, IPv6: v6, STUNPort: n.Port, DERPPort: n.Port}}}
	}
	return m, nil
}

// JSON is the canonical download body: 2-space indent, LF, trailing newline, mirror field order,
// sorted map keys, no HTML escaping; equal placements give equal bytes (and so an equal sha).
func JSON(p Placement) ([]byte, error) {
	m, err := Map(p)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(Policy{DERPMap: m}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Headscale is the YAML body for format=headscale (Headscale's derp.paths file): regions keyed by
// id in ascending order, lower-case keys, 2-space indent. Headscale's own derp.urls: [] drops
// Tailscale's default map, so OmitDefaultRegions is not written.
func Headscale(p Placement) ([]byte, error) {
	m, err := Map(p)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Sha256 is the hex SHA-256 of a body (X-Kami-Derp-Sha256, derp_acl_versions.sha256).
func Sha256(body []byte) string {
	s := sha256.Sum256(body)
	return hex.EncodeToString(s[:])
}
