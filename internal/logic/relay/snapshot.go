package relay

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/shopspring/decimal"

	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/model/entity"
)

const channelKeyPurpose = "relay/channel-key"

// Statuses of channels and keys: automation moves only enabled <-> autoDisabled, so a manual
// disable (0) survives every probe.
const (
	statusManualOff = 0
	statusEnabled   = 1
	statusAutoOff   = 2
)

// channel is one routable channel with its enabled keys decrypted. Decrypted keys live only
// here: never in Redis, logs, responses or errors.
type channel struct {
	ID       int64
	Name     string
	BaseURL  string
	Mapping  map[string]string
	Priority int
	Weight   int
	AutoBan  bool
	Keys     []channelKey
	// FirstByteS and IdleS are the channel's own timeouts in seconds (0: the setting's).
	FirstByteS, IdleS int
	rr                atomic.Uint64
}

type channelKey struct {
	ID     int64
	Secret string
}

// nextKey round-robins over the channel's keys.
func (c *channel) nextKey() channelKey {
	return c.Keys[int(c.rr.Add(1)-1)%len(c.Keys)]
}

// tier is the channels of one priority, for weighted random selection.
type tier struct {
	Priority int
	Channels []*channel
}

// snapshot is the immutable in-memory view the hot path reads: no database access per
// request. A write replaces it whole.
type snapshot struct {
	prices map[string]Price             // enabled prices by requested model
	groups map[string]decimal.Decimal   // group code -> ratio
	route  map[string]map[string][]tier // group -> model -> tiers, highest priority first
	served map[string]map[string]bool   // group -> model -> any channel lists it, enabled or not
	// enabledAt is when each enabled channel was last switched on: cooling older than that is
	// forgiven on this node (cooler.forgive).
	enabledAt map[int64]time.Time
}

var buildMu sync.Mutex

// current returns the snapshot, building it from the database when none is held.
func (s *sRelay) current(ctx context.Context) (*snapshot, error) {
	if sn := s.snap.Load(); sn != nil {
		return sn, nil
	}
	buildMu.Lock()
	defer buildMu.Unlock()
	if sn := s.snap.Load(); sn != nil {
		return sn, nil
	}
	return s.buildAndKeep(ctx)
}

// refreshSnapshot replaces the held snapshot with a fresh build, the old one serving meanwhile
// (another node's write, seen by message or by the version poll).
func (s *sRelay) refreshSnapshot(ctx context.Context) error {
	buildMu.Lock()
	defer buildMu.Unlock()
	s.snapMu.Lock()
	s.snapGen.Add(1) // a build already under way read the rows before the news
	s.snapMu.Unlock()
	_, err := s.buildAndKeep(ctx)
	return err
}

// buildAndKeep builds a snapshot and keeps it unless an invalidation came while it was read
// (it may hold the row before the write): then it answers this one request and is dropped.
func (s *sRelay) buildAndKeep(ctx context.Context) (*snapshot, error) {
	gen := s.snapGen.Load()
	sn, err := buildSnapshot(ctx)
	if err != nil {
		return nil, err
	}
	s.snapMu.Lock()
	if s.snapGen.Load() == gen {
		s.snap.Store(sn)
	}
	s.snapMu.Unlock()
	s.cool.forgive(sn.enabledAt)
	return sn, nil
}

// dropSnapshot makes the next request build the snapshot afresh.
func (s *sRelay) dropSnapshot() {
	s.snapMu.Lock()
	s.snapGen.Add(1)
	s.snap.Store(nil)
	s.snapMu.Unlock()
}

func buildSnapshot(ctx context.Context) (*snapshot, error) {
	sn := &snapshot{prices: map[string]Price{}, groups: map[string]decimal.Decimal{},
		route: map[string]map[string][]tier{}, served: map[string]map[string]bool{}, enabledAt: map[int64]time.Time{}}
	var prices []entity.RelayPrices
	if err := dao.RelayPrices.Ctx(ctx).Where(dao.RelayPrices.Columns().Enabled, 1).Scan(&prices); err != nil {
		return nil, err
	}
	for _, p := range prices {
		sn.prices[p.Model] = Price{Model: p.Model, ModelRatio: parseDec(p.ModelRatio, "0"),
			CompletionRatio: parseDec(p.CompletionRatio, "1"), CacheRatio: parseDec(p.CacheRatio, "1"),
			ModelPrice: parseDec(p.ModelPrice, "0"), Tokenizer: p.Tokenizer, OwnedBy: p.OwnedBy}
		if p.CreatedAt != nil {
			pr := sn.prices[p.Model]
			pr.Created = p.CreatedAt.Unix()
			sn.prices[p.Model] = pr
		}
	}
	var groups []entity.RelayGroups
	if err := dao.RelayGroups.Ctx(ctx).Scan(&groups); err != nil {
		return nil, err
	}
	for _, g := range groups {
		sn.groups[g.Code] = parseDec(g.Ratio, "1")
	}
	var chans []entity.RelayChannels
	if err := dao.RelayChannels.Ctx(ctx).Scan(&chans); err != nil {
		return nil, err
	}
	var keys []entity.RelayChannelKeys
	if err := dao.RelayChannelKeys.Ctx(ctx).Where(dao.RelayChannelKeys.Columns().Status, statusEnabled).Scan(&keys); err != nil {
		return nil, err
	}
	byChannel := map[int64][]channelKey{}
	for _, k := range keys {
		plain, err := keyring.Open(channelKeyPurpose, k.Secret)
		if err != nil {
			continue // a key sealed under another master key cannot be used; the channel test shows it
		}
		byChannel[k.ChannelId] = append(byChannel[k.ChannelId], channelKey{ID: k.Id, Secret: string(plain)})
	}
	tiers := map[string]map[string]map[int][]*channel{}
	for _, row := range chans {
		var models, groupCodes []string
		_ = json.Unmarshal([]byte(row.Models), &models)
		_ = json.Unmarshal([]byte(row.GroupCodes), &groupCodes)
		c := &channel{ID: row.Id, Name: row.Name, BaseURL: strings.TrimRight(row.BaseUrl, "/"),
			Mapping: map[string]string{}, Priority: row.Priority, Weight: row.Weight, AutoBan: row.AutoBan == 1, Keys: byChannel[row.Id],
			FirstByteS: row.FirstByteTimeoutS, IdleS: row.IdleTimeoutS}
		if row.Status == statusEnabled && row.StatusChangedAt != nil {
			sn.enabledAt[row.Id] = row.StatusChangedAt.Time
		}
		_ = json.Unmarshal([]byte(row.ModelMapping), &c.Mapping)
		routable := row.Status == statusEnabled && len(c.Keys) > 0
		for _, g := range groupCodes {
			for _, m := range models {
				if sn.served[g] == nil {
					sn.served[g] = map[string]bool{}
				}
				sn.served[g][m] = true
				if !routable {
					continue
				}
				if tiers[g] == nil {
					tiers[g] = map[string]map[int][]*channel{}
				}
				if tiers[g][m] == nil {
					tiers[g][m] = map[int][]*channel{}
				}
				tiers[g][m][c.Priority] = append(tiers[g][m][c.Priority], c)
			}
		}
	}
	for g, byModel := range tiers {
		sn.route[g] = map[string][]tier{}
		for m, byPrio := range byModel {
			list := make([]tier, 0, len(byPrio))
			for p, cs := range byPrio {
				list = append(list, tier{Priority: p, Channels: cs})
			}
			sort.Slice(list, func(i, j int) bool { return list[i].Priority > list[j].Priority })
			sn.route[g][m] = list
		}
	}
	return sn, nil
}

// parseDec reads a stored ratio; MySQL answers DECIMAL(20,9) as "0.070000000", SQLite the text
// as written.
func parseDec(s, def string) decimal.Decimal {
	if strings.TrimSpace(s) == "" {
		s = def
	}
	d, err := decimal.NewFromString(strings.TrimSpace(s))
	if err != nil {
		return decimal.RequireFromString(def)
	}
	return d
}
