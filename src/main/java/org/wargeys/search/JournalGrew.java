package org.wargeys.search;

import org.wargeys.platform.SharedEvent;

/** Many articles changed at once on another node (an import): catch the index up from the journal. */
public record JournalGrew() implements SharedEvent {}
