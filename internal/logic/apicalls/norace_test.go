//go:build !race

package apicalls_test

const raceEnabled = false
