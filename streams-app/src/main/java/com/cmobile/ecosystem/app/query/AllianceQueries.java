package com.cmobile.ecosystem.app.query;

import com.cmobile.ecosystem.app.topology.StoreNames;
import com.cmobile.ecosystem.app.topology.model.MembershipState;
import com.cmobile.ecosystem.app.topology.model.ModelJson;
import com.cmobile.ecosystem.app.topology.model.OrganisationCount;
import com.cmobile.ecosystem.app.topology.model.PartnerMemberships;
import com.cmobile.ecosystem.app.topology.model.ProgramAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramCountryAlliance;
import com.cmobile.ecosystem.app.topology.model.ProgramRegionAlliance;
import com.cmobile.ecosystem.app.topology.model.StoreKeys;
import com.cmobile.ecosystem.events.Program;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;

/**
 * Alliance questions, answered from the alliance stores of whichever instances hold them. Reads
 * {@code organisation-count-store}, {@code program-country-alliance-store} (programs and their regions
 * are added up from it when asked: {@link AllianceRollUp}) and {@code membership-state-store}. Growth is history: {@link TimeTravelQueries#growth}.
 */
public final class AllianceQueries {

    /** The programs a client can ask about: every symbol but the UNKNOWN default. */
    public static final List<Program> PROGRAMS =
            Arrays.stream(Program.values()).filter(p -> p != Program.UNKNOWN).toList();

    private final ClusterQueries stores;
    private final ObjectMapper mapper;
    // A roll-up reads a whole store and parses each entry: concurrent askers share one (SharedReads).
    private final SharedReads<RollUpKey, Answer<StoreScan<AllianceRollUp>>> rollUps = new SharedReads<>();

    private record RollUpKey(KeyRange range, QueryOptions options) {
    }

    public AllianceQueries(ClusterQueries stores, ObjectMapper mapper) {
        this.stores = stores;
        this.mapper = mapper;
    }

    /** Organisations and every program; any part that cannot be read makes the whole unavailable. */
    public Answer<AllianceView> alliance(QueryOptions options) {
        Answer<Long> organisations = stores.get(StoreNames.ORGANISATION_COUNT, StoreKeys.GLOBAL, options)
                .map(json -> ModelJson.read(mapper, json, OrganisationCount.class).organisations())
                .orEmpty(0L);
        return organisations.flatMap(count -> rollUp(KeyRange.ALL, options).map(s -> new AllianceView(count,
                PROGRAMS.stream().map(program -> s.value().program(program)).toList())));
    }

    /** One program; zeros when it has no membership. */
    public Answer<ProgramAlliance> program(Program program, QueryOptions options) {
        return rollUp(ofProgram(program), options).map(s -> s.value().program(program));
    }

    /** The regions a program has partners in: keys {@code PROGRAM|REGION}. */
    public Answer<Page<ProgramRegionAlliance>> regions(Program program, PageRequest page, QueryOptions options) {
        return rollUp(ofProgram(program), options).map(s -> s.page(s.value().regions(program), page));
    }

    /** The (program, country) groups of one program: their keys share the prefix {@code PROGRAM|}. */
    private static KeyRange ofProgram(Program program) {
        return KeyRange.prefix(program.name() + StoreKeys.SEPARATOR);
    }

    /** The programs and their regions, added up from the (program, country) groups in {@code range}. */
    private Answer<StoreScan<AllianceRollUp>> rollUp(KeyRange range, QueryOptions options) {
        return rollUps.get(new RollUpKey(range, options),
                () -> stores.scan(StoreNames.PROGRAM_COUNTRY_ALLIANCE, range, options).map(scan -> scan.with(
                        AllianceRollUp.of(scan.value().stream()
                                .map(e -> ModelJson.read(mapper, e.value(), ProgramCountryAlliance.class)).toList()))));
    }

    /** Current memberships of a program, by partnerId; filtered where the data is so pages stay full. */
    public Answer<Page<MembershipView>> partners(Program program, PageRequest page, QueryOptions options) {
        KeyRange active = KeyRange.ALL.where(new ValueFilter("/memberships/" + program.name() + "/active", "true"));
        return stores.list(StoreNames.MEMBERSHIP_STATE, active, page, options)
                .map(p -> p.map(e -> {
                    PartnerMemberships partner = ModelJson.read(mapper, e.value(), PartnerMemberships.class);
                    return view(partner.partnerId(), partner.memberships().get(program));
                }));
    }

    /** A partner's current memberships; not found when it has none (never joined, or left every program). */
    public Answer<PartnerView> partner(String partnerId, QueryOptions options) {
        return stores.get(StoreNames.MEMBERSHIP_STATE, partnerId, options)
                .notFoundAs("no partner '" + partnerId + "'")
                .map(json -> ModelJson.read(mapper, json, PartnerMemberships.class))
                .filter(PartnerMemberships::isOrganisation,
                        p -> "partner '" + partnerId + "' has left every program")
                .map(AllianceQueries::view);
    }

    /** A partner's active memberships. */
    static PartnerView view(PartnerMemberships partner) {
        return new PartnerView(partner.partnerId(), partner.memberships().values().stream()
                .filter(MembershipState::active)
                .map(m -> view(partner.partnerId(), m))
                .toList());
    }

    static MembershipView view(String partnerId, MembershipState m) {
        return new MembershipView(partnerId, m.partnerName(), m.program(), m.role(), m.country(), m.subscribers(),
                m.occurredAt());
    }
}
