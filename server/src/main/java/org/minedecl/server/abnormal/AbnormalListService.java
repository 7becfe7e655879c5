package org.minedecl.server.abnormal;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.List;
import org.minedecl.server.problem.Problem;

/** The abnormal-list register as the API shows it: checks the filters, then reads. */
@Singleton
public class AbnormalListService {
    private final AbnormalListRepository repository;

    public AbnormalListService(AbnormalListRepository repository) {
        this.repository = repository;
    }

    public List<AbnormalListRepository.Entry> entries(String jurisdiction) {
        if (jurisdiction != null && !jurisdiction.matches("\\d{6}")) {
            throw Problem.of(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", "jurisdiction is a 6-digit code").exception();
        }
        return repository.entries(jurisdiction);
    }
}
