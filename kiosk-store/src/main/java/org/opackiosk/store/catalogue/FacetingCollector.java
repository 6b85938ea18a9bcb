package org.opackiosk.store.catalogue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * Counts item types and branches over every match while applying the facet filters, in one pass, and
 * hands the matches that pass to the top-hits collector. Each facet is counted with the other facet's
 * filter applied but not its own, so the patron sees what choosing another value would give.
 * One instance per search slice; not thread-safe.
 */
final class FacetingCollector implements Collector {

    private final TopFieldCollector top;
    private final Set<String> types;
    private final Set<String> branches;
    private final List<Runnable> tallies = new ArrayList<>();
    final Map<String, Long> typeCounts = new HashMap<>();
    final Map<String, Long> branchCounts = new HashMap<>();
    long total;

    FacetingCollector(TopFieldCollector top, Set<String> types, Set<String> branches) {
        this.top = top;
        this.types = types;
        this.branches = branches;
    }

    TopFieldCollector top() {
        return top;
    }

    /** Turns the per-segment ordinal counts into names; call once after the search. */
    void tally() {
        tallies.forEach(Runnable::run);
        tallies.clear();
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
        LeafCollector inner = top.getLeafCollector(context);
        SortedDocValues typeValues = DocValues.getSorted(context.reader(), CatalogueDocuments.ITEM_TYPE);
        SortedSetDocValues branchValues = DocValues.getSortedSet(context.reader(), CatalogueDocuments.BRANCH);
        int typeCount = typeValues.getValueCount();
        int branchCount = (int) branchValues.getValueCount();
        FixedBitSet typeOk = ordinals(types, typeCount, typeValues::lookupTerm);
        FixedBitSet branchOk = ordinals(branches, branchCount, branchValues::lookupTerm);
        long[] typeTally = new long[typeCount];
        long[] branchTally = new long[branchCount];
        tallies.add(() -> {
            try {
                for (int ord = 0; ord < typeCount; ord++) {
                    if (typeTally[ord] > 0) {
                        typeCounts.merge(typeValues.lookupOrd(ord).utf8ToString(), typeTally[ord], Long::sum);
                    }
                }
                for (int ord = 0; ord < branchCount; ord++) {
                    if (branchTally[ord] > 0) {
                        branchCounts.merge(branchValues.lookupOrd(ord).utf8ToString(), branchTally[ord], Long::sum);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return new LeafCollector() {
            private long[] ords = new long[8];

            @Override
            public void setScorer(Scorable scorer) throws IOException {
                inner.setScorer(scorer);
            }

            @Override
            public void collect(int doc) throws IOException {
                int typeOrd = typeValues.advanceExact(doc) ? typeValues.ordValue() : -1;
                boolean typePass = typeOk == null || (typeOrd >= 0 && typeOk.get(typeOrd));
                boolean branchPass = branchOk == null;
                int n = 0;
                if (branchValues.advanceExact(doc)) {
                    int count = branchValues.docValueCount();
                    if (ords.length < count) {
                        ords = new long[count];
                    }
                    for (int i = 0; i < count; i++) {
                        long ord = branchValues.nextOrd();
                        ords[n++] = ord;
                        if (branchOk != null && branchOk.get((int) ord)) {
                            branchPass = true;
                        }
                    }
                }
                if (branchPass && typeOrd >= 0) {
                    typeTally[typeOrd]++;
                }
                if (typePass) {
                    for (int i = 0; i < n; i++) {
                        branchTally[(int) ords[i]]++;
                    }
                }
                if (typePass && branchPass) {
                    total++;
                    inner.collect(doc);
                }
            }
        };
    }

    private interface Lookup {
        long ord(BytesRef term) throws IOException;
    }

    /** The ordinals of {@code values} in one segment; null when the filter keeps everything. */
    private static FixedBitSet ordinals(Set<String> values, int count, Lookup lookup) throws IOException {
        if (values.isEmpty()) {
            return null;
        }
        FixedBitSet bits = new FixedBitSet(Math.max(count, 1));
        for (String value : values) {
            long ord = lookup.ord(new BytesRef(value));
            if (ord >= 0) {
                bits.set((int) ord);
            }
        }
        return bits;
    }

    @Override
    public ScoreMode scoreMode() {
        return top.scoreMode();
    }
}
