package kami_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"kami/sdk/go/kami"
)

// A client activates a card on its first verification from a device, and later calls from the
// same device are plain successes. The server here is the package's in-process fake; a real
// integration passes the Kami server's origin and the project's appKey and appSecret.
func ExampleClient_Verify() {
	fake := kami.NewFakeServer() // test-only: a Kami OpenAPI on 127.0.0.1
	defer fake.Close()
	fake.AddCard("KAMI-7Q2M-X9PL", 1, 30*24*time.Hour)

	client := kami.New(fake.URL, fake.AppKey, fake.Secret)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	device := "machine-id:4c4c4544-0042-3510-8052-b4c04f4e3732" // a stable fingerprint of this machine
	for i := 1; i <= 2; i++ {
		res, err := client.Verify(ctx, "kami-7q2m-x9pl", device, "1.4.2")
		switch {
		case errors.Is(err, kami.ErrResponseSignature), errors.Is(err, kami.ErrStaleResponse), errors.Is(err, kami.ErrNonceMismatch):
			fmt.Println("not an answer from Kami:", err) // treat as invalid, never as valid
			return
		case err != nil:
			fmt.Println("call failed:", err) // *kami.APIError: kami.IsCode(err, kami.CodeRateLimited), ...
			return
		}
		fmt.Printf("call %d: valid=%v result=%s activated=%v devices=%d/%d\n",
			i, res.Valid, res.Result, res.Activated, res.Card.BoundDevices, res.Card.MaxDevices)
	}

	res, _ := client.Verify(ctx, "KAMI-7Q2M-X9PL", "another-machine", "1.4.2")
	fmt.Printf("other device: valid=%v result=%s\n", res.Valid, res.Result)
	// Output:
	// call 1: valid=true result=VALID activated=true devices=1/1
	// call 2: valid=true result=VALID activated=false devices=1/1
	// other device: valid=false result=DEVICE_MISMATCH
}
