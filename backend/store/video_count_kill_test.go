package store

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"
)

// killDirEnv makes the test binary, run again as a child, write videos in a loop until killed.
const killDirEnv = "MEMORIES_STORE_KILL_DIR"

func TestVideoCountSurvivesAKillMidTransaction(t *testing.T) {
	if dir := os.Getenv(killDirEnv); dir != "" {
		writeUntilKilled(dir)
		return
	}
	dir := t.TempDir()
	child := exec.Command(os.Args[0], "-test.run=^TestVideoCountSurvivesAKillMidTransaction$")
	child.Env = append(os.Environ(), killDirEnv+"="+dir)
	out, err := child.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	for range 3 { // three commits seen: the child is inside the next, large transaction
		if !lines.Scan() {
			t.Fatalf("the writer stopped early: %v", child.Wait())
		}
	}
	child.Process.Kill()
	child.Wait()
	db := openAt(t, dir)
	db.bolt.View(func(tx txn) error {
		counted := countIndexedVideos(tx)
		for _, scope := range []string{"x", "y"} {
			if kept, ok := keptVideoCount(tx, scope); !ok || int64(kept) != counted[scope] || kept == 0 {
				t.Errorf("scope %s: kept %d (%v), indexed %d", scope, kept, ok, counted[scope])
			}
		}
		return nil
	})
}

// writeUntilKilled adds 3,000 videos per transaction over two scopes and deletes a third of
// the previous batch, printing a line after each commit.
func writeUntilKilled(dir string) {
	db, err := Open(dir, 5*time.Second)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for batch := 0; ; batch++ {
		err := db.update(func(tx txn) error {
			for i := range 3000 {
				no := fmt.Sprintf("V%d-%d", batch, i)
				if err := putVideo(tx, vid([]string{"x", "y"}[i%2], no, int64(i)), 1); err != nil {
					return err
				}
				if batch > 0 && i%3 == 0 {
					deleteVideo(tx, []string{"x", "y"}[i%2], fmt.Sprintf("V%d-%d", batch-1, i))
				}
			}
			return nil
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println("committed", batch)
	}
}
