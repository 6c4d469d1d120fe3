package derp

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/pem"
	"math/big"
	"net"
	"time"

	"kami/internal/infra/keyring"
)

// Purposes of the server secrets under the master key (keyring.Seal binds each to its purpose).
const (
	sealCertKey   = "derp.server.certkey"
	sealSSHSecret = "derp.server.ssh"
	certLife      = 10 * 365 * 24 * time.Hour
	// certPinPrefix is how tailcfg.DERPNode.CertName pins a self-signed leaf: derper in manual
	// mode serves a cert for an IP, which no public CA would issue.
	certPinPrefix = "sha256-raw:"
)

// serverCert is a freshly minted self-signed ECDSA P-256 cert for a host's public IPs.
type serverCert struct {
	CertPEM   string
	KeySealed string
	Pin       string
}

// mintServerCert makes the host's 10-year cert with the IPs as SANs (and the IPv4 as CN, the
// derper -hostname); only the sealed key is kept.
func mintServerCert(now time.Time, ipv4, ipv6 string) (serverCert, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return serverCert{}, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return serverCert{}, err
	}
	ips := []net.IP{net.ParseIP(ipv4)}
	if ipv6 != "" {
		ips = append(ips, net.ParseIP(ipv6))
	}
	tpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: ipv4, Organization: []string{"Kami DERP"}},
		NotBefore:    now.Add(-time.Hour), // a host clock slightly behind still accepts it
		NotAfter:     now.Add(certLife),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses:  ips,
	}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, &key.PublicKey, key)
	if err != nil {
		return serverCert{}, err
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return serverCert{}, err
	}
	sealed, err := keyring.Seal(sealCertKey, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}))
	if err != nil {
		return serverCert{}, err
	}
	return serverCert{CertPEM: string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})),
		KeySealed: sealed, Pin: certPin(der)}, nil
}

// certPin is "sha256-raw:<64 hex>" of the leaf's DER, what clients and the probe compare.
func certPin(der []byte) string {
	sum := sha256.Sum256(der)
	return certPinPrefix + hex.EncodeToString(sum[:])
}
