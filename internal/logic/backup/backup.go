// Package backup is the operations side of backups: the daily job, the record of every backup
// written, retention (7 daily / 4 weekly / 12 monthly) and the super-admin's list and trigger.
// The file format, snapshot and restore are internal/backup.
package backup

import (
	"context"
	"os"
	"path/filepath"
	"sync"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/system/v1"
	"kami/internal/backup"
	"kami/internal/clock"
	"kami/internal/config"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/db"
	"kami/internal/listq"
	"kami/internal/logic/job"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/internal/timefmt"
)

const (
	Job            = "backup.daily"
	statusVerified = "verified"
	statusFailed   = "failed"
)

type sBackup struct {
	clock clock.Clock
	cfg   func() *config.Config
	mu    sync.Mutex // one backup at a time in this process
}

func init() {
	service.RegisterBackup(New())
	job.Register(job.Def{
		Name:            Job,
		Description:     "Write a full encrypted backup of every table into kami.backup.dir, read it back to verify it, and delete the backups the 7 daily / 4 weekly / 12 monthly retention no longer keeps",
		DefaultSchedule: "0 0 2 * * *", // daily 02:00 in kami.timeZone, before log.retention
		Run: func(ctx context.Context) (int, error) {
			_, err := service.Backup().Run(ctx, 0)
			return 1, err
		},
	})
}

func New() *sBackup { return &sBackup{clock: clock.System} }

// SetClock hands the service its clock; boot calls it before serving.
func (s *sBackup) SetClock(c clock.Clock) {
	if c != nil {
		s.clock = c
	}
}

// Configure hands the service the configuration (backup key and folder); boot calls it.
func (s *sBackup) Configure(cfg func() *config.Config) { s.cfg = cfg }

func (s *sBackup) dir() string { return backup.Dir(s.cfg()) }

// Run writes one backup, records it (verified or failed, with why), notes it in the system
// log and applies retention. by is the user who asked (0: the schedule).
func (s *sBackup) Run(ctx context.Context, by int64) (*entity.Backups, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now()
	row := do.Backups{Node: s.cfg().NodeID, TriggerBy: by, CreatedAt: gtime.New(now.UTC())}
	key, err := backup.ParseKey(s.cfg().Backup.Key)
	var f *backup.File
	if err == nil {
		f, err = backup.WriteFile(ctx, g.DB(), db.Dialect(), s.dir(), key, now)
	}
	if err != nil {
		row.File, row.Status, row.Error = "", statusFailed, err.Error()
		g.Log().Errorf(ctx, "backup: failed: %v", err)
	} else {
		var rows int64
		for _, t := range f.Manifest.Tables {
			rows += t.Rows
		}
		row.File, row.Size, row.Sha256, row.Status = filepath.Base(f.Path), f.Size, f.SHA256, statusVerified
		row.SchemaVersion, row.TablesCount, row.RowsCount = f.Manifest.SchemaVersion, len(f.Manifest.Tables), rows
		row.VerifiedAt = gtime.New(s.clock.Now().UTC())
		service.Logs().Note(ctx, "backup", "backup: "+filepath.Base(f.Path)+" written and verified")
	}
	id, ierr := dao.Backups.Ctx(ctx).Data(row).InsertAndGetId()
	if ierr != nil {
		return nil, ierr
	}
	if err != nil {
		return nil, errs.BackupFailed.Wrap(err)
	}
	if perr := s.prune(ctx); perr != nil {
		g.Log().Warningf(ctx, "backup: retention: %v", perr)
	}
	var out entity.Backups
	if err = dao.Backups.Ctx(ctx).WherePri(id).Scan(&out); err != nil {
		return nil, err
	}
	return &out, nil
}

// prune deletes the verified backups retention no longer keeps (file and record) and the
// records of failed ones older than a week.
func (s *sBackup) prune(ctx context.Context) error {
	var all []entity.Backups
	if err := dao.Backups.Ctx(ctx).Where(dao.Backups.Columns().Status, statusVerified).Scan(&all); err != nil {
		return err
	}
	keep := map[int64]bool{}
	times := make([]timeID, 0, len(all))
	for _, b := range all {
		times = append(times, timeID{b.CreatedAt, b.Id})
	}
	for _, id := range keptIDs(s.clock.Now(), times, timefmt.Zone()) {
		keep[id] = true
	}
	for _, b := range all {
		if keep[b.Id] {
			continue
		}
		if b.Node == s.cfg().NodeID {
			if err := os.Remove(filepath.Join(s.dir(), b.File)); err != nil && !os.IsNotExist(err) {
				return err
			}
		}
		if _, err := dao.Backups.Ctx(ctx).WherePri(b.Id).Delete(); err != nil {
			return err
		}
		service.Logs().Note(ctx, "backup", "backup: "+b.File+" removed by retention")
	}
	_, err := dao.Backups.Ctx(ctx).Where(dao.Backups.Columns().Status, statusFailed).
		WhereLT(dao.Backups.Columns().CreatedAt, gtime.New(s.clock.Now().UTC().AddDate(0, 0, -7))).Delete()
	return err
}

// List pages the backup records, newest first.
func (s *sBackup) List(ctx context.Context, req *v1.BackupListReq) (*v1.BackupListRes, error) {
	rows, total, err := listq.Page[entity.Backups](dao.Backups.Ctx(ctx).Safe(), req.PageReq, sorts)
	if err != nil {
		return nil, err
	}
	res := &v1.BackupListRes{Items: make([]v1.BackupItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, item(r))
	}
	return res, nil
}

// Create takes a backup now for the calling super-admin.
func (s *sBackup) Create(ctx context.Context, _ *v1.BackupCreateReq) (*v1.BackupCreateRes, error) {
	var by int64
	if p := principal.From(ctx); p != nil {
		by = p.UserID
	}
	b, err := s.Run(ctx, by)
	if err != nil {
		return nil, err
	}
	return &v1.BackupCreateRes{BackupItem: item(*b)}, nil
}
