package formats

// Add puts f in the table until the returned func runs, so the consumers' test can prove that
// each of them follows the table rather than a copy.
func Add(f Format) (restore func()) {
	saved := table
	table = append(append([]Format(nil), table...), f)
	return func() { table = saved }
}
