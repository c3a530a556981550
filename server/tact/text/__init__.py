"""Input text → normalized text with an offset map → segments → sentences."""
