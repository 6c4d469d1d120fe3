package job

import (
	"context"
	"kami/utility/dbx"
	"strings"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/system/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/timefmt"
)

// List shows every registered job with its stored schedule, whether a run holds its lock on
// any node, and its last run.
func (s *sJob) List(ctx context.Context, _ *v1.JobListReq) (*v1.JobListRes, error) {
	var rows []entity.Jobs
	if err := dao.Jobs.Ctx(ctx).Scan(&rows); err != nil {
		return nil, err
	}
	byName := map[string]entity.Jobs{}
	for _, r := range rows {
		byName[r.Name] = r
	}
	res := &v1.JobListRes{Items: []v1.JobItem{}}
	for _, d := range defs() {
		item, err := s.item(ctx, d, byName[d.Name])
		if err != nil {
			return nil, err
		}
		res.Items = append(res.Items, *item)
	}
	res.Total = len(res.Items)
	return res, nil
}

func (s *sJob) item(ctx context.Context, d Def, row entity.Jobs) (*v1.JobItem, error) {
	item := &v1.JobItem{
		ID: d.Name, Name: d.Name, Description: d.Description, DefaultSchedule: d.DefaultSchedule,
		Schedule: row.Schedule, Enabled: row.Enabled == 1, UpdatedAt: timefmt.Format(row.UpdatedAt),
	}
	if row.Name == "" { // not synced yet (registered after this node's boot)
		item.Schedule, item.Enabled = d.DefaultSchedule, !d.StartDisabled
	}
	n, err := g.Redis().Do(ctx, "EXISTS", runLockKey(d.Name))
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	item.Running = n.Int() == 1
	var last entity.JobRuns
	err = dao.JobRuns.Ctx(ctx).Where(dao.JobRuns.Columns().Job, d.Name).OrderDesc(dao.JobRuns.Columns().Id).Limit(1).Scan(&last)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if last.Id != 0 {
		item.LastRun = runItem(last)
	}
	return item, nil
}

// Update changes a job's schedule and/or on/off state. This node applies it at once; the
// others within a reload interval, and none runs a slot of the old schedule meanwhile,
// because each firing re-reads the row.
func (s *sJob) Update(ctx context.Context, req *v1.JobUpdateReq) (*v1.JobUpdateRes, error) {
	d, ok := lookup(req.Name)
	if !ok {
		return nil, errs.NotFound.New()
	}
	data := do.Jobs{UpdatedAt: gtime.Now()}
	if p := principal.From(ctx); p != nil {
		data.UpdatedBy = p.UserID
	}
	if req.Schedule != nil {
		schedule := strings.TrimSpace(*req.Schedule)
		if !validate(schedule) {
			return nil, errs.ScheduleInvalid.New(*req.Schedule)
		}
		data.Schedule = schedule
	}
	if req.Enabled != nil {
		data.Enabled = boolInt(*req.Enabled)
	}
	res, err := dao.Jobs.Ctx(ctx).WherePri(d.Name).Data(data).Update()
	if err != nil {
		return nil, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		// MySQL counts changed rows, not matched ones: the same update twice within a second
		// (updated_at has second precision) changes nothing and is no "not found".
		c, err := dao.Jobs.Ctx(ctx).WherePri(d.Name).Count()
		if err != nil {
			return nil, err
		}
		if c == 0 {
			return nil, errs.NotFound.New()
		}
	}
	s.reload(ctx)
	var row entity.Jobs
	if err = dao.Jobs.Ctx(ctx).WherePri(d.Name).Scan(&row); err != nil {
		return nil, err
	}
	item, err := s.item(ctx, d, row)
	if err != nil {
		return nil, err
	}
	return &v1.JobUpdateRes{JobItem: *item}, nil
}

// RunNow starts a run on this node in the background, whether or not the job is enabled (an
// operator may want a switched-off job once). It answers 409 while any node runs the job.
func (s *sJob) RunNow(ctx context.Context, req *v1.JobRunReq) (*v1.JobRunRes, error) {
	d, ok := lookup(req.Name)
	if !ok {
		return nil, errs.NotFound.New()
	}
	var by int64
	if p := principal.From(ctx); p != nil {
		by = p.UserID
	}
	id, err := s.start(d, TriggerManual, by)
	if err != nil {
		return nil, err
	}
	return &v1.JobRunRes{RunID: id}, nil
}

// runSorts is what a client may sort the run history by.
var runSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":         listq.Ordinal(dao.JobRuns.Columns().Id),
	"job":        listq.Text(dao.JobRuns.Columns().Job),
	"status":     listq.Text(dao.JobRuns.Columns().Status),
	"startedAt":  listq.Ordinal(dao.JobRuns.Columns().StartedAt),
	"durationMs": listq.Ordinal(dao.JobRuns.Columns().DurationMs),
})

// Runs is the run history, newest first unless asked otherwise.
func (s *sJob) Runs(ctx context.Context, req *v1.JobRunsReq) (*v1.JobRunsRes, error) {
	cols := dao.JobRuns.Columns()
	m := dao.JobRuns.Ctx(ctx)
	if req.Name != "" {
		m = m.Where(cols.Job, req.Name)
	}
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	if req.Trigger != "" {
		m = m.Where(cols.TriggerType, req.Trigger)
	}
	rows, total, err := listq.Page[entity.JobRuns](m, req.PageReq, runSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.JobRunsRes{Items: make([]v1.JobRunItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, *runItem(r))
	}
	return res, nil
}

func runItem(r entity.JobRuns) *v1.JobRunItem {
	return &v1.JobRunItem{
		ID: r.Id, Job: r.Job, Node: r.Node, Trigger: r.TriggerType, TriggeredBy: r.TriggeredBy,
		Status: r.Status, Items: r.Items, Error: r.Error, StartedAt: timefmt.Format(r.StartedAt),
		FinishedAt: timefmt.Format(r.FinishedAt), DurationMs: r.DurationMs,
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
