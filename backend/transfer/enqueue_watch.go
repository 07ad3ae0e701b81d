package transfer

import (
	"encoding/json"

	"memories-desktop/backend/api"
	"memories-desktop/backend/contract"
)

// EnqueueWatchedUpload is EnqueueUpload for a file a watch folder found: the job carries the
// watch's name (UploadSpec.Watch), so Transfers can say where it came from and the watch can
// find the job again after a crash.
func (e *Engine) EnqueueWatchedUpload(path string, meta api.UploadMeta, watch string) (contract.Job, error) {
	d, err := e.PlanUpload(path, meta)
	if err == nil {
		err = d.setWatch(watch)
	}
	return e.recordOne(d, err)
}

func (d *Draft) setWatch(name string) error {
	var spec UploadSpec
	if err := json.Unmarshal(d.job.Params, &spec); err != nil {
		return err
	}
	spec.Watch = name
	params, err := json.Marshal(spec)
	d.job.Params = params
	return err
}
