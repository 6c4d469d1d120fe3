package user_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"kami/internal/testkit"
)

func TestListPagingSortingFiltering(t *testing.T) {
	su := admin(t)
	tag := testkit.UniqueName("L")
	var made []userItem
	for i := 0; i < 5; i++ {
		made = append(made, createItem(t, su, "agent-admin", map[string]string{"username": fmt.Sprintf("%s_%d", tag, i)}))
	}
	agent := createItem(t, su, "agent", map[string]string{"username": tag + "_agent"})
	su.Put(t, userPath(made[1].ID, "/status"), map[string]int{"status": 0}).Expect(t, 200)

	list := func(query string) userList {
		t.Helper()
		var l userList
		su.Get(t, "/api/system/user/list?username="+tag+"&"+query).Expect(t, 200).Decode(t, &l)
		return l
	}
	names := func(l userList) []string {
		var out []string
		for _, it := range l.Items {
			out = append(out, it.Username)
		}
		return out
	}

	all := list("pageSize=100")
	if all.Total != 6 || len(all.Items) != 6 {
		t.Fatalf("filter by username substring: %+v", names(all))
	}
	// Default order: newest first.
	if all.Items[0].ID != agent.ID || all.Items[5].ID != made[0].ID {
		t.Fatalf("default order: %v", names(all))
	}
	for _, it := range all.Items {
		if _, err := time.Parse(time.RFC3339, it.CreatedAt); err != nil {
			t.Fatalf("createdAt %q: %v", it.CreatedAt, err)
		}
	}

	t.Run("paging", func(t *testing.T) {
		p1, p3 := list("pageSize=2&page=1&sortBy=id&sortOrder=asc"), list("pageSize=2&page=3&sortBy=id&sortOrder=asc")
		if p1.Total != 6 || len(p1.Items) != 2 || p1.Items[0].ID != made[0].ID || p1.Items[1].ID != made[1].ID {
			t.Fatalf("page 1: %d %v", p1.Total, names(p1))
		}
		if p3.Total != 6 || len(p3.Items) != 2 || p3.Items[1].ID != agent.ID {
			t.Fatalf("page 3: %d %v", p3.Total, names(p3))
		}
		if p4 := list("pageSize=2&page=4"); p4.Total != 6 || len(p4.Items) != 0 || p4.Items == nil {
			t.Fatalf("past the end: want total 6 and items [], got %d %v", p4.Total, names(p4))
		}
	})
	t.Run("sorting", func(t *testing.T) {
		asc := names(list("sortBy=username&sortOrder=asc"))
		if !sort.StringsAreSorted(asc) || len(asc) != 6 {
			t.Fatalf("asc: %v", asc)
		}
		desc := names(list("sortBy=username&sortOrder=desc"))
		if desc[0] != asc[5] || desc[5] != asc[0] {
			t.Fatalf("desc: %v", desc)
		}
		list("sortBy=createdAt&sortOrder=desc")
		list("sortBy=lastLoginAt")
	})
	t.Run("filters", func(t *testing.T) {
		if l := list("role=agent"); l.Total != 1 || l.Items[0].ID != agent.ID {
			t.Fatalf("role: %v", names(l))
		}
		if l := list("status=0"); l.Total != 1 || l.Items[0].ID != made[1].ID {
			t.Fatalf("status 0: %v", names(l))
		}
		if l := list("status=1"); l.Total != 5 {
			t.Fatalf("status 1: %v", names(l))
		}
		if l := list(fmt.Sprintf("parentId=%d", adminID(t))); l.Total != 6 {
			t.Fatalf("parentId: %v", names(l))
		}
		if l := list("parentId=999999999"); l.Total != 0 {
			t.Fatalf("parentId none: %v", names(l))
		}
		// "_" is literal in the substring filter, not a LIKE wildcard.
		var l userList
		su.Get(t, "/api/system/user/list?username="+strings.Replace(tag, tag[1:2], "_", 1)).Expect(t, 200).Decode(t, &l)
		if l.Total != 0 {
			t.Fatalf("underscore matched as a wildcard: %v", names(l))
		}
	})
	t.Run("invalid", func(t *testing.T) {
		for _, q := range []string{"pageSize=101", "pageSize=0", "page=0", "sortBy=password_hash", "sortOrder=up", "status=5", "role=root", "username=a%25b"} {
			t.Run(q, func(t *testing.T) {
				r := su.Get(t, "/api/system/user/list?"+q)
				r.Expect(t, 400)
				if !strings.HasSuffix(r.ErrorCode(), "INVALID") && r.ErrorCode() != "INVALID_INPUT" {
					t.Fatalf("code: %s", r.Raw)
				}
			})
		}
	})
}
