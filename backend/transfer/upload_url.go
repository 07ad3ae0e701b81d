package transfer

import (
	"context"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
)

// runUploadURL asks the service to fetch a direct video URL.
func runUploadURL(ctx context.Context, e *Engine, j contract.Job, m *meter) (contract.JobResult, error) {
	var spec URLSpec
	if err := decodeParams(j, &spec); err != nil {
		return contract.JobResult{}, err
	}
	client, err := e.client()
	if err != nil {
		return contract.JobResult{}, err
	}
	if found, res, err := e.reconcile(ctx, client, j, m); err != nil || found {
		return res, err
	}
	var res api.UploadResult
	slot := func() {
		now := e.o.Clock.Now().UnixMilli()
		e.sending(j.ID, now, now) // a small form: all of it may arrive at once
	}
	err = e.call(ctx, m, slot, func(ctx context.Context) (err error) {
		res, err = client.UploadURL(ctx, spec.URL, withMarker(spec.Meta, j.Marker))
		return err
	})
	if err != nil {
		return contract.JobResult{}, e.unsent(j.ID, err)
	}
	return e.uploaded(j, res, 0, "")
}
