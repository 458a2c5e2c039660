package cn.cppcc.proposals.proposal;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ProposalRepository extends JpaRepository<Proposal, Long> {

    /** Locks the row: two merges into one proposal, or a merge and a close, do not interleave. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Proposal p where p.id = ?1")
    Optional<Proposal> findForUpdate(long id);

    List<Proposal> findByStatusIn(List<ProposalStatus> statuses);
}
