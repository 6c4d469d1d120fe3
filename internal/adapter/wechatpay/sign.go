// Package wechatpay speaks WeChat Pay API v3 (微信支付 APIv3, the "签名生成", "签名验证",
// "证书和回调报文解密" and Native payment documents): JSON requests authorized by
// "WECHATPAY2-SHA256-RSA2048" with SHA256withRSA over "METHOD\nURL\ntimestamp\nnonce\nbody\n";
// answers and notifications verified with the platform public key over
// "timestamp\nnonce\nbody\n" (Wechatpay-Timestamp/-Nonce/-Signature/-Serial headers); the
// notification's resource decrypted with AEAD_AES_256_GCM under the APIv3 key. Standard library
// crypto only.
package wechatpay

import (
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
)

// RequestMessage is what a request's signature covers: method, the URL's path and query,
// timestamp (unix seconds), nonce and body, each followed by "\n".
func RequestMessage(method, pathAndQuery, timestamp, nonce, body string) string {
	return method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n"
}

// ResponseMessage is what an answer's or a notification's signature covers.
func ResponseMessage(timestamp, nonce, body string) string {
	return timestamp + "\n" + nonce + "\n" + body + "\n"
}

// Sign is SHA256withRSA (PKCS #1 v1.5) of message, base64.
func Sign(key *rsa.PrivateKey, message string) (string, error) {
	sum := sha256.Sum256([]byte(message))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, sum[:])
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(sig), nil
}

// Verify checks a base64 SHA256withRSA signature of message.
func Verify(pub *rsa.PublicKey, message, signature string) error {
	sig, err := base64.StdEncoding.DecodeString(signature)
	if err != nil {
		return errors.New("wechatpay: signature is not base64")
	}
	sum := sha256.Sum256([]byte(message))
	if rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], sig) != nil {
		return errors.New("wechatpay: bad signature")
	}
	return nil
}

// Authorization is the request's Authorization header value.
func Authorization(mchID, serialNo, nonce, timestamp, signature string) string {
	return fmt.Sprintf(`WECHATPAY2-SHA256-RSA2048 mchid="%s",nonce_str="%s",signature="%s",timestamp="%s",serial_no="%s"`,
		mchID, nonce, signature, timestamp, serialNo)
}

// ParseAuthorization reads the fields of an Authorization header (the fake server checks them).
func ParseAuthorization(h string) (map[string]string, error) {
	rest, ok := strings.CutPrefix(h, "WECHATPAY2-SHA256-RSA2048 ")
	if !ok {
		return nil, errors.New("wechatpay: not a WECHATPAY2-SHA256-RSA2048 authorization")
	}
	out := map[string]string{}
	for _, part := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return nil, errors.New("wechatpay: bad authorization field")
		}
		out[k] = strings.Trim(v, `"`)
	}
	return out, nil
}

// Decrypt opens a notification resource: AEAD_AES_256_GCM under the 32-byte APIv3 key, the
// nonce and associated data as given, the ciphertext base64 with the 16-byte tag at its end.
func Decrypt(apiV3Key, nonce, associatedData, ciphertext string) ([]byte, error) {
	if len(apiV3Key) != 32 {
		return nil, errors.New("wechatpay: the APIv3 key must be 32 bytes")
	}
	raw, err := base64.StdEncoding.DecodeString(ciphertext)
	if err != nil {
		return nil, errors.New("wechatpay: ciphertext is not base64")
	}
	block, err := aes.NewCipher([]byte(apiV3Key))
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCMWithNonceSize(block, len(nonce))
	if err != nil {
		return nil, err
	}
	plain, err := gcm.Open(nil, []byte(nonce), raw, []byte(associatedData))
	if err != nil {
		return nil, errors.New("wechatpay: the resource does not decrypt under the APIv3 key")
	}
	return plain, nil
}

// Encrypt seals a resource as WeChat Pay does (the fake server's notifications).
func Encrypt(apiV3Key, nonce, associatedData string, plain []byte) (string, error) {
	block, err := aes.NewCipher([]byte(apiV3Key))
	if err != nil {
		return "", err
	}
	gcm, err := cipher.NewGCMWithNonceSize(block, len(nonce))
	if err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(gcm.Seal(nil, []byte(nonce), plain, []byte(associatedData))), nil
}

// ParsePrivateKey reads the merchant's API private key (apiclient_key.pem, PKCS #8; PKCS #1 too).
func ParsePrivateKey(text string) (*rsa.PrivateKey, error) {
	b, _ := pem.Decode([]byte(strings.TrimSpace(text)))
	if b == nil {
		return nil, errors.New("wechatpay: the private key is not PEM")
	}
	if k, err := x509.ParsePKCS8PrivateKey(b.Bytes); err == nil {
		if rk, ok := k.(*rsa.PrivateKey); ok {
			return rk, nil
		}
		return nil, errors.New("wechatpay: the private key is not RSA")
	}
	return x509.ParsePKCS1PrivateKey(b.Bytes)
}

// ParsePublicKey reads the platform public key (PEM "PUBLIC KEY") or a platform certificate's.
func ParsePublicKey(text string) (*rsa.PublicKey, error) {
	b, _ := pem.Decode([]byte(strings.TrimSpace(text)))
	if b == nil {
		return nil, errors.New("wechatpay: the public key is not PEM")
	}
	var k any
	var err error
	if b.Type == "CERTIFICATE" {
		var c *x509.Certificate
		if c, err = x509.ParseCertificate(b.Bytes); err == nil {
			k = c.PublicKey
		}
	} else {
		k, err = x509.ParsePKIXPublicKey(b.Bytes)
	}
	if err != nil {
		return nil, err
	}
	rk, ok := k.(*rsa.PublicKey)
	if !ok {
		return nil, errors.New("wechatpay: the public key is not RSA")
	}
	return rk, nil
}
