package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"memories-desktop/backend/contract"

	bolt "go.etcd.io/bbolt"
)

// PutVideos inserts or replaces videos by (scope, video no) in one transaction and stamps
// Updated. A known SourceJob, Title and Tags are kept when the new value has none, so a library
// refresh does not forget which upload produced a video, the name the user gave it, or the tags
// the service hides while it indexes.
func (db *DB) PutVideos(vs []contract.CachedVideo) error {
	return db.update(func(tx txn) error {
		now := db.nowMillis()
		for _, v := range vs {
			if err := putVideo(tx, v, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// putVideo upserts one video and moves its time-index entry.
func putVideo(tx txn, v contract.CachedVideo, now int64) error {
	if err := validateVideo(&v); err != nil {
		return err
	}
	var ops []op
	old, err := decodeVideo(tx.Bucket(bucketVideos), v.Scope, v.VideoNo)
	if err == nil {
		keepKnown(&v, old)
		ops = append(ops, del(bucketVideoByTime, videoTimeKey(old.Scope, old.Created, old.VideoNo)))
	}
	v.Updated = now
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	err = apply(tx, append(ops,
		put(bucketVideos, videoKey(v.Scope, v.VideoNo), raw),
		put(bucketVideoByTime, videoTimeKey(v.Scope, v.Created, v.VideoNo), encodeVideoSummary(&v)))...)
	if err != nil || len(ops) > 0 {
		return err // a replaced row keeps the count
	}
	return addVideoCount(tx, v.Scope, 1)
}

// keepKnown carries over from the cached row what a refresh does not say.
func keepKnown(v *contract.CachedVideo, old contract.CachedVideo) {
	if v.SourceJob == 0 {
		v.SourceJob = old.SourceJob
	}
	if v.Title == "" {
		v.Title = old.Title
	}
	if len(v.Tags) == 0 { // the service lists no tags until a video is indexed
		v.Tags = old.Tags
	}
}

// validate refuses values that cannot be keyed or would sort wrongly.
func validateVideo(v *contract.CachedVideo) error {
	switch {
	case v.VideoNo == "":
		return fmt.Errorf("%w: empty video number", ErrInvalid)
	case v.Created < 0:
		return fmt.Errorf("%w: negative created time", ErrInvalid)
	}
	for _, err := range []error{checkKeyPart("scope", v.Scope), checkKeyPart("video number", v.VideoNo), checkTags(v.Tags)} {
		if err != nil {
			return err
		}
	}
	return nil
}

// Video returns one cached video, or an error wrapping ErrNotFound.
func (db *DB) Video(scope, videoNo string) (contract.CachedVideo, error) {
	var v contract.CachedVideo
	err := db.view(func(tx txn) error {
		var err error
		v, err = decodeVideo(tx.Bucket(bucketVideos), scope, videoNo)
		return err
	})
	return v, err
}

// DeleteVideos drops videos from the cache (after they were deleted on the server); numbers that
// are not cached are ignored.
func (db *DB) DeleteVideos(scope string, nos []string) error {
	return db.update(func(tx txn) error {
		for _, no := range nos {
			if err := deleteVideo(tx, scope, no); err != nil {
				return err
			}
		}
		return nil
	})
}

// deleteVideo removes one video and its time-index entry, if present.
func deleteVideo(tx txn, scope, no string) error {
	old, err := decodeVideo(tx.Bucket(bucketVideos), scope, no)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := apply(tx, del(bucketVideos, videoKey(scope, no)), del(bucketVideoByTime, videoTimeKey(scope, old.Created, no))); err != nil {
		return err
	}
	return addVideoCount(tx, scope, -1)
}

// decodeVideo reads one video's JSON; json.Unmarshal copies, so nothing aliases bbolt memory.
func decodeVideo(b *bolt.Bucket, scope, no string) (contract.CachedVideo, error) {
	var v contract.CachedVideo
	raw := b.Get(videoKey(scope, no))
	if raw == nil {
		return v, fmt.Errorf("video %s in scope %q: %w", no, scope, ErrNotFound)
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, fmt.Errorf("video %s in scope %q: %w", no, scope, err)
	}
	return v, nil
}
