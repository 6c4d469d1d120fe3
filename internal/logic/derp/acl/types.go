// Package acl renders a rental's placement as the downloaded derpMap (derp.md §6): canonical JSON
// for a Tailscale policy file and YAML for Headscale's derp.paths. The types mirror tailscale.com's
// tailcfg (names and order of the fields we emit) so Kami needs no tailscale.com dependency;
// hack/derpcheck decodes the golden files into the real tailcfg types to catch upstream drift.
package acl

// DERPMap mirrors tailcfg.DERPMap. OmitDefaultRegions is emitted under its Go name: upstream's
// tag is "omitDefaultRegions" and Go's and HuJSON's decoders match keys case-insensitively.
type DERPMap struct {
	Regions            map[int]*DERPRegion `yaml:"regions"`
	OmitDefaultRegions bool                `yaml:"-"`
}

// DERPRegion mirrors tailcfg.DERPRegion (Latitude, Longitude, Avoid and NoMeasureNoHome are
// never set by Kami, so they are not mirrored and never emitted).
type DERPRegion struct {
	RegionID   int         `yaml:"regionid"`
	RegionCode string      `yaml:"regioncode"`
	RegionName string      `yaml:"regionname"`
	Nodes      []*DERPNode `yaml:"nodes"`
}

// DERPNode mirrors tailcfg.DERPNode. InsecureForTests, STUNTestIP, CanPort80 and STUNOnly are
// deliberately absent: they must never reach a customer's map.
type DERPNode struct {
	Name     string `yaml:"name"`
	RegionID int    `yaml:"regionid"`
	HostName string `yaml:"hostname"`
	CertName string `yaml:"certname"`
	IPv4     string `yaml:"ipv4"`
	IPv6     string `yaml:"ipv6"`
	STUNPort int    `yaml:"stunport"`
	DERPPort int    `yaml:"derpport"`
}

// Policy is the downloaded JSON document: the derpMap key of a tailnet policy file.
type Policy struct {
	DERPMap DERPMap `json:"derpMap"`
}

// DERPAdmitClientRequest mirrors tailcfg.DERPAdmitClientRequest, what derper POSTs to
// -verify-client-url: NodePublic is "nodekey:<64 hex>", Source the client's IP.
type DERPAdmitClientRequest struct {
	NodePublic string
	Source     string
}

// DERPAdmitClientResponse mirrors tailcfg.DERPAdmitClientResponse.
type DERPAdmitClientResponse struct {
	Allow bool
}
