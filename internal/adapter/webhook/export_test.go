package webhook

// Private is private, for the range table test.
var Private = private
