package org.stockroom.location;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stockroom.audit.AuditTrail;
import org.stockroom.problem.ConflictException;
import org.stockroom.problem.ProblemTypes;
import org.stockroom.problem.ResourceNotFoundException;

import java.util.List;

import static org.stockroom.api.Jsonp.JSON;

/** Use cases of the stockroom's locations; each change is written to the audit trail in the same transaction. */
@ApplicationScoped
public class LocationService {

    private final LocationRepository locations;
    private final AuditTrail audit;

    @Inject
    public LocationService(LocationRepository locations, AuditTrail audit) {
        this.locations = locations;
        this.audit = audit;
    }

    @Transactional
    public Location create(LocationCode code, String name) {
        if (locations.existsByCode(code.value())) {
            throw new ConflictException(ProblemTypes.ALREADY_EXISTS, "Already exists",
                    "A location with code '" + code + "' already exists");
        }
        Location location = new Location(code, name);
        locations.add(location);
        locations.flush();
        audit.record("location.created", "location", code.value(), JSON.createObjectBuilder().add("name", location.name()).build());
        return location;
    }

    @Transactional
    public Location get(String code) {
        return locations.findByCode(code).orElseThrow(() -> new ResourceNotFoundException("location", code));
    }

    @Transactional
    public List<Location> list(String afterCode, int limit) {
        return locations.list(afterCode, limit);
    }
}
