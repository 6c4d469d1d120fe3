package relay

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"sync"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	v1 "kami/api/relay/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/redisx"
	"kami/internal/model/entity"
	"kami/utility/dbx"
	"kami/utility/randkey"
)

// taskTTL is how long a test-all task's state stays readable (§5: Redis 24 h).
const taskTTL = 24 * time.Hour

func taskKey(id string) string { return redisx.Key("relay", "task", id) }

// ChannelCheckAll starts testing the channels (all, or the ids given) one after another in the
// background and answers the task id at once; the progress lives in Redis, so any node can
// answer GET /relay/tasks/{taskId}. Tests are sequential on purpose: test-all must not hammer
// the upstreams nor flap anything (One API #1090) — it changes nothing but latencies.
func (s *sRelay) ChannelCheckAll(ctx context.Context, req *v1.ChannelCheckAllReq) (*v1.ChannelCheckAllRes, error) {
	m := dao.RelayChannels.Ctx(ctx).OrderAsc(dao.RelayChannels.Columns().Id)
	if len(req.Ids) > 0 {
		m = m.WhereIn(dao.RelayChannels.Columns().Id, req.Ids)
	}
	var rows []entity.RelayChannels
	if err := m.Scan(&rows); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if len(req.Ids) > 0 && len(rows) == 0 {
		return nil, errs.NotFound.New()
	}
	raw, err := randkey.Bytes(16)
	if err != nil {
		return nil, err
	}
	id := hex.EncodeToString(raw)
	task := &v1.TaskGetRes{Status: "running", Total: len(rows), Results: []v1.ChannelCheckRes{}}
	if err = saveTask(ctx, id, task); err != nil {
		return nil, err
	}
	bg := context.WithoutCancel(ctx)
	s.tasks.Add(1)
	go func() {
		defer s.tasks.Done()
		for i := range rows {
			res, err := s.testChannel(bg, &rows[i], "")
			if err != nil {
				res = &v1.ChannelCheckRes{ChannelId: rows[i].Id, Message: "test failed to run"}
				g.Log("relay").Warningf(bg, "test of channel %d: %v", rows[i].Id, err)
			}
			task.Done++
			if res.Ok {
				task.Ok++
			} else {
				task.Failed++
			}
			task.Results = append(task.Results, *res)
			if task.Done == task.Total {
				task.Status = "done"
			}
			if err = saveTask(bg, id, task); err != nil {
				g.Log("relay").Warningf(bg, "test-all task %s: %v", id, err)
			}
		}
		if task.Total == 0 {
			task.Status = "done"
			_ = saveTask(bg, id, task)
		}
	}()
	return &v1.ChannelCheckAllRes{TaskId: id}, nil
}

// TaskGet answers a test-all task's state; an unknown or expired one is 404.
func (s *sRelay) TaskGet(ctx context.Context, req *v1.TaskGetReq) (*v1.TaskGetRes, error) {
	v, err := g.Redis().Do(ctx, "GET", taskKey(req.TaskId))
	if err != nil {
		return nil, err
	}
	if v.IsNil() || v.String() == "" {
		return nil, errs.NotFound.New()
	}
	var t v1.TaskGetRes
	if err = json.Unmarshal(v.Bytes(), &t); err != nil {
		return nil, err
	}
	return &t, nil
}

func saveTask(ctx context.Context, id string, t *v1.TaskGetRes) error {
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	_, err = g.Redis().Do(ctx, "SET", taskKey(id), string(b), "PX", taskTTL.Milliseconds())
	return err
}

// taskGroup lets a test (or shutdown) wait for background test-all runs.
type taskGroup = sync.WaitGroup
