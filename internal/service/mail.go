// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	"kami/internal/adapter/smtpmail"
	"kami/internal/config"
)

type (
	IMail interface {
		// Start builds the mailer from the settings st holds and follows their changes; boot calls it
		// once the settings service runs.
		Start(ctx context.Context, st ISettings)
		// Send delivers m through the server the settings name now (or logs it without a host).
		Send(ctx context.Context, m smtpmail.Message) error
		// Define declares the mail.* settings with the configured values as their defaults. It runs at
		// boot, after the config is loaded and before the settings service starts (a process boots
		// once; a second call keeps the first definitions). A configured value that the setting would
		// refuse stops the boot with its name, as a bad environment value does.
		Define(c config.Mail) error
	}
)

var (
	localMail IMail
)

func Mail() IMail {
	if localMail == nil {
		panic("implement not found for interface IMail, forgot register?")
	}
	return localMail
}

func RegisterMail(i IMail) {
	localMail = i
}
