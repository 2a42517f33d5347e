package org.stockroom.location;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.stockroom.problem.ConflictException;
import org.stockroom.problem.ProblemTypes;
import org.stockroom.problem.ResourceNotFoundException;

import java.util.List;

/** Use cases of the stockroom's locations. */
@ApplicationScoped
public class LocationService {

    private final LocationRepository locations;

    @Inject
    public LocationService(LocationRepository locations) {
        this.locations = locations;
    }

    @Transactional
    public Location create(String code, String name) {
        if (locations.existsByCode(code)) {
            throw new ConflictException(ProblemTypes.ALREADY_EXISTS, "Already exists",
                    "A location with code '" + code + "' already exists");
        }
        Location location = new Location(code, name);
        locations.add(location);
        locations.flush();
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
