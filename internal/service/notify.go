// ================================================================================
// Code generated and maintained by GoFrame CLI tool. DO NOT EDIT.
// You can delete these comments if you wish manually maintain this interface file.
// ================================================================================

package service

import (
	"context"
	v1 "kami/api/notification/v1"
	"kami/internal/adapter/smtpmail"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/model"
)

type (
	INotify interface {
		// Announce stores an announcement and, unless it is for later, sends it at once.
		Announce(ctx context.Context, req *v1.AnnouncementCreateReq) (*v1.AnnouncementCreateRes, error)
		// SendDue sends every announcement whose time has come; the notify.announcements job runs it.
		SendDue(ctx context.Context) (int, error)
		// Announcements lists the announcements, newest first.
		Announcements(ctx context.Context, req *v1.AnnouncementListReq) (*v1.AnnouncementListRes, error)
		// List is the caller's inbox, newest first.
		List(ctx context.Context, req *v1.NotificationListReq) (*v1.NotificationListRes, error)
		// UnreadCount is how many of the caller's notifications are unread.
		UnreadCount(ctx context.Context, _ *v1.NotificationUnreadCountReq) (*v1.NotificationUnreadCountRes, error)
		// Read marks one of the caller's notifications read; reading it again keeps the first time.
		Read(ctx context.Context, req *v1.NotificationReadReq) (*v1.NotificationReadRes, error)
		// ReadAll marks every unread notification of the caller read.
		ReadAll(ctx context.Context, _ *v1.NotificationReadAllReq) (*v1.NotificationReadAllRes, error)
		// SetMailer hands the service the mailer of its email copies and returns the one it held.
		SetMailer(m smtpmail.Mailer) (prev smtpmail.Mailer)
		// SetClock hands the service its clock; boot calls it before Start.
		SetClock(c clock.Clock)
		// Configure hands the service the configuration it reads; boot calls it before Start.
		Configure(cfg func() *config.Config)
		// Start runs the delivery worker on this node, unless the node runs no background work
		// (kami.jobs.enabled=false: the cron nodes deliver). Announcements due later are sent by the
		// notify.announcements job, which the scheduler runs once across nodes.
		Start(ctx context.Context) error
		// Stop ends the worker and waits for the delivery in hand, which is bounded by the mail
		// timeout. Rows it did not reach stay due for the next node or boot.
		Stop()
		// Send writes n to the inbox of every recipient and queues its copies on the other channels
		// it names, and answers how many inboxes it reached. Inside g.DB().Transaction (ctx carries
		// the transaction) every row is written in it, so a rollback leaves no notice and nothing is
		// mailed; the worker only sees the copies once the transaction commits. A recipient already
		// holding n.DedupKey is skipped, so a retried event notifies once.
		Send(ctx context.Context, n model.Notice) (int, error)
		// SendEach is Send for notices that go to one user each, inside the caller's transaction: a
		// job that changes a chunk of rows in one transaction tells each row's owner with one insert
		// per notice and a few statements for the whole chunk (the users, the dedup keys they already
		// hold, the inbox rows, the copies), where Send costs five statements a notice. It answers how
		// many inboxes it reached; a notice whose user is disabled or already holds its dedup key
		// (here, or earlier in ns) reaches none.
		SendEach(ctx context.Context, ns []model.Notice) (int, error)
	}
)

var (
	localNotify INotify
)

func Notify() INotify {
	if localNotify == nil {
		panic("implement not found for interface INotify, forgot register?")
	}
	return localNotify
}

func RegisterNotify(i INotify) {
	localNotify = i
}
