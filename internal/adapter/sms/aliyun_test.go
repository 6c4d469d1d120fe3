package sms_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"kami/internal/adapter/sms"
)

// The example of Aliyun's signature documentation (SendSms with testId/testSecret) signs to the
// value the documentation prints.
func TestSignMatchesTheDocumentedExample(t *testing.T) {
	params := map[string]string{
		"AccessKeyId": "testId", "Action": "SendSms", "Format": "XML", "OutId": "123", "PhoneNumbers": "15300000001",
		"RegionId": "cn-hangzhou", "SignName": "阿里云短信测试专用", "SignatureMethod": "HMAC-SHA1",
		"SignatureNonce": "45e25e9b-0a6f-4070-8c85-2956eda1b466", "SignatureVersion": "1.0", "TemplateCode": "SMS_71390007",
		"TemplateParam": `{"customer":"test"}`, "Timestamp": "2017-07-12T02:42:19Z", "Version": "2017-05-25",
	}
	if got, want := sms.Sign(http.MethodGet, "testSecret", params), "zJDF+Lrzhj/ThnlvIToysFRq6t4="; got != want {
		t.Fatalf("signature %s, want %s", got, want)
	}
}

func TestAliyunSendsSignedToTheProvider(t *testing.T) {
	srv := sms.NewFakeServer("s3cret")
	t.Cleanup(srv.Close)
	a := &sms.Aliyun{Endpoint: srv.URL, AccessKeyID: "id", AccessSecret: "s3cret",
		Now: func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }}
	res, err := a.Send(context.Background(), sms.Message{Phone: "13800138000", SignName: "卡密", TemplateCode: "SMS_1", Params: map[string]string{"code": "1234"}})
	if err != nil || res.BizID != "biz-1" {
		t.Fatalf("send: %+v, %v", res, err)
	}
	c := srv.Calls()[0]
	if c["PhoneNumbers"] != "13800138000" || c["TemplateCode"] != "SMS_1" || c["TemplateParam"] != `{"code":"1234"}` ||
		c["Timestamp"] != "2026-01-02T03:04:05Z" || c["SignName"] != "卡密" {
		t.Fatalf("call %+v", c)
	}
	a.AccessSecret = "wrong"
	if _, err = a.Send(context.Background(), sms.Message{Phone: "13800138000", TemplateCode: "SMS_1"}); err == nil {
		t.Fatal("a badly signed send succeeded")
	}
}
