package host

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func goldenSpec() Spec {
	return Spec{ContainerID: 42, RentalID: 7, Port: 20007, Image: "ghcr.io/example/derper@sha256:" + strings.Repeat("ab", 32),
		IPv4: "203.0.113.11", AdmitBaseURL: "https://kami.example.com/", Token: "42.c2lnbmF0dXJl"}
}

// The run argv is a contract (§8): it is compared element by element, one per line, with the
// golden file, so any drift in flags or order fails here.
func TestRunArgvGolden(t *testing.T) {
	argv, spec := RunArgv(goldenSpec())
	got := strings.Join(argv, "\n") + "\n"
	path := filepath.Join("testdata", "run_argv.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Fatalf("run argv drifted:\n got %q\nwant %q", got, want)
	}
	if len(spec) != 12 || !strings.Contains(got, "--label\nio.kami.derp.spec="+spec+"\n") {
		t.Fatalf("spec %q not labelled", spec)
	}
}

func TestSpecHashExcludesItsLabelAndFollowsInputs(t *testing.T) {
	s := goldenSpec()
	argv, spec := RunArgv(s)
	var without []string
	for i := 0; i < len(argv); i++ {
		if argv[i] == "--label" && strings.HasPrefix(argv[i+1], LabelSpec+"=") {
			i++
			continue
		}
		without = append(without, argv[i])
	}
	if SpecHash(without) != spec {
		t.Fatalf("spec %s is not the hash of the argv without its label", spec)
	}
	for name, mut := range map[string]func(*Spec){
		"image": func(s *Spec) { s.Image += "x" }, "port": func(s *Spec) { s.Port++ },
		"token": func(s *Spec) { s.Token += "x" }, "ipv4": func(s *Spec) { s.IPv4 = "203.0.113.12" },
	} {
		c := s
		mut(&c)
		if _, sp := RunArgv(c); sp == spec {
			t.Errorf("%s change kept spec %s", name, spec)
		}
	}
	if _, again := RunArgv(s); again != spec {
		t.Fatal("spec is not deterministic")
	}
}
