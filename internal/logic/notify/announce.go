package notify

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/i18n/gi18n"

	v1 "kami/api/notification/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/logic/job"
	"kami/internal/logic/rbac"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// AnnouncementJob sends the announcements whose time has come, once across nodes.
const AnnouncementJob = "notify.announcements"

// Announcement statuses.
const (
	announceScheduled = "scheduled"
	announceSent      = "sent"
)

// maxAudienceUsers bounds a list of chosen users; larger audiences are roles or everyone.
const maxAudienceUsers = 1000

// dueBatch bounds the announcements one job run sends.
const dueBatch = 100

func init() {
	job.Register(job.Def{
		Name:            AnnouncementJob,
		Description:     "Send the announcements scheduled for now or earlier",
		DefaultSchedule: "@every 1m",
		Run:             func(ctx context.Context) (int, error) { return service.Notify().SendDue(ctx) },
	})
	rbac.Register(rbac.Node{
		Type: rbac.TypeMenu, Name: "SystemAnnouncement", Parent: "System", Path: "/system/announcement",
		Component: "/system/announcement/list", Title: "menu.system.announcement", Icon: "lucide:megaphone", Sort: 7,
		Roles: []string{consts.RoleSuperAdmin},
		Children: []rbac.Node{
			{Type: rbac.TypeButton, AuthCode: "System:Announcement:List", Title: "menu.system.announcement.list", Sort: 1,
				APIs: []string{"GET /api/system/announcements/list"}},
			{Type: rbac.TypeButton, AuthCode: "System:Announcement:Create", Title: "menu.system.announcement.create", Sort: 2,
				APIs: []string{"POST /api/system/announcements"}},
		},
	})
}

// Announce stores an announcement and, unless it is for later, sends it at once.
func (s *sNotify) Announce(ctx context.Context, req *v1.AnnouncementCreateReq) (*v1.AnnouncementCreateRes, error) {
	aud, err := checkAudience(ctx, req.Audience)
	if err != nil {
		return nil, err
	}
	now := s.now()
	sendAt, err := timefmt.Parse(req.SendAt)
	if err != nil {
		return nil, errs.TimeInvalid.New("sendAt")
	}
	immediate := sendAt == nil || !sendAt.After(now)
	if immediate {
		sendAt = now
	}
	audience, _ := json.Marshal(aud)
	var by int64
	var creator string
	if p := principal.From(ctx); p != nil {
		by, creator = p.UserID, p.Username
	}
	id, err := dao.Announcements.Ctx(ctx).Data(do.Announcements{
		Title: strings.TrimSpace(req.Title), Content: req.Content, Type: req.Type, Audience: string(audience),
		Email: req.Email, Status: announceScheduled, SendAt: sendAt, Recipients: 0,
		CreatedBy: by, Creator: creator, CreatedAt: now, UpdatedAt: now,
	}).InsertAndGetId()
	if err != nil {
		return nil, err
	}
	if immediate {
		if err = s.sendAnnouncement(ctx, id); err != nil {
			// Stored and still scheduled: the job sends it on its next run.
			g.Log().Warningf(ctx, "notify: announcement %d stays scheduled: %v", id, err)
		}
	}
	it, err := announcementItem(ctx, id)
	if err != nil {
		return nil, err
	}
	return &v1.AnnouncementCreateRes{AnnouncementItem: *it}, nil
}

// checkAudience accepts exactly one of all, roles and userIds, naming only real roles and users.
func checkAudience(ctx context.Context, a v1.Audience) (v1.Audience, error) {
	named := 0
	for _, set := range []bool{a.All, len(a.Roles) > 0, len(a.UserIds) > 0} {
		if set {
			named++
		}
	}
	if named != 1 {
		return a, errs.AudienceInvalid.New(gi18n.T(ctx, "notify.audience.one"))
	}
	out := v1.Audience{All: a.All}
	seenRole := map[string]bool{}
	for _, r := range a.Roles {
		if consts.RoleLevel(r) < 0 {
			return a, errs.AudienceInvalid.New(gi18n.Tf(ctx, "notify.audience.role", r))
		}
		if !seenRole[r] {
			seenRole[r] = true
			out.Roles = append(out.Roles, r)
		}
	}
	if len(a.UserIds) > maxAudienceUsers {
		return a, errs.AudienceInvalid.New(gi18n.Tf(ctx, "notify.audience.tooMany", maxAudienceUsers))
	}
	seenUser := map[int64]bool{}
	for _, id := range a.UserIds {
		if id > 0 && !seenUser[id] {
			seenUser[id] = true
			out.UserIds = append(out.UserIds, id)
		}
	}
	if len(out.UserIds) > 0 {
		cols := dao.Users.Columns()
		found, err := dao.Users.Ctx(ctx).Fields(cols.Id).WhereIn(cols.Id, out.UserIds).Array()
		if err != nil && !dbx.IsNoRows(err) {
			return a, err
		}
		have := map[int64]bool{}
		for _, v := range found {
			have[v.Int64()] = true
		}
		var missing []string
		for _, id := range out.UserIds {
			if !have[id] {
				missing = append(missing, strconv.FormatInt(id, 10))
			}
		}
		if len(missing) > 0 {
			return a, errs.AudienceInvalid.New(gi18n.Tf(ctx, "notify.audience.users", strings.Join(missing, ", ")))
		}
	}
	if len(a.UserIds) > 0 && len(out.UserIds) == 0 {
		return a, errs.AudienceInvalid.New(gi18n.T(ctx, "notify.audience.one"))
	}
	return out, nil
}

// sendAnnouncement fans a due announcement out to its audience. Its status moves to sent with
// a conditional UPDATE in the same transaction as the inbox rows, so however many nodes or
// runs try, one does it, and a failure leaves it scheduled with nothing delivered.
func (s *sNotify) sendAnnouncement(ctx context.Context, id int64) error {
	err := g.DB().Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		cols := dao.Announcements.Columns()
		now := s.now()
		res, err := dao.Announcements.Ctx(ctx).Data(do.Announcements{Status: announceSent, SentAt: now, UpdatedAt: now}).
			Where(cols.Id, id).Where(cols.Status, announceScheduled).WhereLTE(cols.SendAt, now).Update()
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return nil // sent already, or not due
		}
		var a entity.Announcements
		if err = dao.Announcements.Ctx(ctx).WherePri(id).Scan(&a); err != nil {
			return err
		}
		var aud v1.Audience
		if err = json.Unmarshal([]byte(a.Audience), &aud); err != nil {
			return fmt.Errorf("announcement %d: audience: %w", id, err)
		}
		n := model.Notice{
			To:   model.Recipients{All: aud.All, Roles: aud.Roles, UserIDs: aud.UserIds},
			Kind: "announcement." + a.Type, Title: a.Title, Body: a.Content,
			Ref: model.Ref{Type: "announcement", ID: id}, DedupKey: "announcement:" + strconv.FormatInt(id, 10),
		}
		if a.Email == 1 {
			n.Channels = []string{model.ChannelEmail}
		}
		count, err := s.Send(ctx, n)
		if err != nil {
			return err
		}
		_, err = dao.Announcements.Ctx(ctx).Data(do.Announcements{Recipients: count}).Where(cols.Id, id).Update()
		return err
	})
	if err == nil {
		s.wake() // Send ran inside this transaction and could not: its email copies are due now
	}
	return err
}

// SendDue sends every announcement whose time has come; the notify.announcements job runs it.
func (s *sNotify) SendDue(ctx context.Context) (int, error) {
	cols := dao.Announcements.Columns()
	ids, err := dao.Announcements.Ctx(ctx).Fields(cols.Id).Where(cols.Status, announceScheduled).
		WhereLTE(cols.SendAt, s.now()).OrderAsc(cols.SendAt).Limit(dueBatch).Array()
	if err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	sent := 0
	for _, v := range ids {
		if ctx.Err() != nil {
			return sent, ctx.Err()
		}
		if err = s.sendAnnouncement(ctx, v.Int64()); err != nil {
			return sent, fmt.Errorf("announcement %d: %w", v.Int64(), err)
		}
		sent++
	}
	return sent, nil
}
