package transfer

import (
	"context"

	"memories-desktop/backend/api"
	"memories-desktop/backend/store"
)

// Task status before the platform videos exist.
const statusPending = "PENDING"

// runImport creates the scraper task; the tracker then follows it until its videos exist.
// Re-sending an import whose reply was lost only refreshes the same videos (documented), so no
// reconciliation is needed.
func runImport(ctx context.Context, e *Engine, j store.Job, m *meter) (store.JobResult, error) {
	var spec ImportSpec
	if err := decodeParams(j, &spec); err != nil {
		return store.JobResult{}, err
	}
	client, err := e.client()
	if err != nil {
		return store.JobResult{}, err
	}
	var taskID string
	err = e.call(ctx, m, nil, func(ctx context.Context) (err error) {
		taskID, err = client.Import(ctx, api.ImportRequest{Links: spec.Links, Scope: spec.Scope,
			Quality: spec.Quality, Callback: spec.Callback})
		return err
	})
	return store.JobResult{TaskID: taskID, Status: statusPending}, err
}
